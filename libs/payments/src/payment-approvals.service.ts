import { Injectable } from '@nestjs/common';
import { AuditAction, type AuditActionName, AuditService } from '@tenantpay/audit';
import { TenantContextService, type TenantUserPrincipal } from '@tenantpay/tenancy';
import { AccessDeniedException } from '@tenantpay/tenancy';
import { FourEyesViolationException } from './errors/four-eyes-violation.exception';
import { PaymentStateConflictException } from './errors/payment-state-conflict.exception';
import type { Payment } from './payment/payment';
import { paymentActorOf } from './payment/payment-actor';
import { PaymentStatus } from './payment/payment-status.enum';
import { type PaymentView, toPaymentView } from './payment/payment-view';
import { PaymentEventType } from './ports/payment-event';
import { PaymentEventsService } from './processing/payment-events.service';
import { PaymentJobsService } from './processing/payment-jobs.service';
import { PaymentsService } from './payments.service';
import { assertTransitionAllowed } from './state-machine/payment-state-machine';

const APPROVER_ROLE = 'ADMIN';

/**
 * Four-eyes decisions on payments held by the tenant's workflow: only a tenant ADMIN who did not create the
 * payment may approve or reject it. The rule is checked here, beside the state change, not only by route
 * guards, so no route, role or API key can bypass it. Every decision and every refused attempt is audited.
 */
@Injectable()
export class PaymentApprovalsService {
  constructor(
    private readonly payments: PaymentsService,
    private readonly jobs: PaymentJobsService,
    private readonly events: PaymentEventsService,
    private readonly audit: AuditService,
    private readonly tenantContext: TenantContextService,
  ) {}

  async approve(id: string, note?: string): Promise<PaymentView> {
    const approved = await this.decide(id, 'approved', note);
    await this.jobs.processPayment(approved._id.toHexString());
    return toPaymentView(approved);
  }

  async reject(id: string, note?: string): Promise<PaymentView> {
    const rejected = await this.decide(id, 'rejected', note);
    return toPaymentView(rejected);
  }

  private async decide(
    id: string,
    decision: 'approved' | 'rejected',
    note: string | undefined,
  ): Promise<Payment> {
    const action = decision === 'approved' ? AuditAction.PaymentApproved : AuditAction.PaymentRejected;
    const approver = this.approver();
    const payment = await this.payments.existing(id);
    if (approver === null || approver.role !== APPROVER_ROLE) {
      await this.record(action, payment, 'denied', { reason: 'not_an_admin' });
      throw new AccessDeniedException();
    }
    if (payment.createdBy.type === 'user' && payment.createdBy.id === approver.userId) {
      await this.record(action, payment, 'denied', { reason: 'creator_cannot_decide' });
      throw new FourEyesViolationException();
    }
    const to = decision === 'approved' ? PaymentStatus.Pending : PaymentStatus.Rejected;
    assertTransitionAllowed(payment.status, to);
    const by = paymentActorOf(approver);
    const decided = await this.events.transition(
      payment._id,
      {
        from: payment.status,
        to,
        by,
        reason: decision,
        set: { approval: { decision, by, at: new Date(), note: note ?? null } },
      },
      decision === 'approved' ? PaymentEventType.Approved : PaymentEventType.Rejected,
    );
    if (decided === null) {
      await this.record(action, payment, 'failure', { reason: 'concurrent_change' });
      throw new PaymentStateConflictException();
    }
    await this.record(action, decided, 'success', { amount: decided.amount, currency: decided.currency });
    return decided;
  }

  private approver(): TenantUserPrincipal | null {
    const principal = this.tenantContext.current()?.principal;
    return principal?.kind === 'user' ? principal : null;
  }

  private record(
    action: AuditActionName,
    payment: Payment,
    outcome: 'success' | 'failure' | 'denied',
    metadata: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record({
      action,
      outcome,
      resource: { type: 'payment', id: payment._id.toHexString() },
      metadata: { ...metadata, reference: payment.reference },
    });
  }
}
