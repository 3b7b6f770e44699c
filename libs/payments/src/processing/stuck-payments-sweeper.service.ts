import { Inject, Injectable, Logger } from '@nestjs/common';
import { eachRowInItsTenant, TenantContextService, TenantLookupService } from '@tenantpay/tenancy';
import type { Payment } from '../payment/payment';
import { SYSTEM_ACTOR } from '../payment/payment-actor';
import { PaymentStatus } from '../payment/payment-status.enum';
import { PlatformPaymentsRepository, type SweptPaymentStatus } from '../payment/platform-payments.repository';
import { PAYMENTS_SETTINGS, type PaymentsSettings } from '../payments-settings';
import { PaymentEventType } from '../ports/payment-event';
import { PaymentEventsService } from './payment-events.service';
import { PaymentJobsService } from './payment-jobs.service';
import {
  ProcessingPaymentReconciler,
  type ReconciliationOutcome,
} from './processing-payment-reconciler.service';

const SWEEP_REASON = {
  [PaymentStatus.Pending]: 're-enqueue payments stuck in PENDING',
  [PaymentStatus.Processing]: 'reconcile payments stuck in PROCESSING with the gateway',
  [PaymentStatus.AwaitingApproval]: 'expire approvals past their age',
} as const satisfies Record<SweptPaymentStatus, string>;

/** What one sweep did, for logs and metrics. */
export interface StuckPaymentsSweepResult {
  /** PENDING payments enqueued again. */
  readonly pendingReEnqueued: number;
  /** PROCESSING payments reconciled with the gateway, by outcome (`left_to_job` not counted). */
  readonly processing: Readonly<Record<Exclude<ReconciliationOutcome, 'left_to_job'>, number>>;
  /** AWAITING_APPROVAL payments canceled because their approval expired. */
  readonly approvalsExpired: number;
}

/**
 * Every payment status a person or a job does not own has its timeout enforced here (README: payment states):
 * - PENDING past its grace: the enqueue failed (Redis down) or the process died after the commit; enqueued
 *   again under the same deterministic job id, which absorbs a duplicate, and the gateway key prevents a
 *   second charge;
 * - PROCESSING past its grace with its job gone or dead-lettered: reconciled with the gateway by the payment's
 *   idempotency key (ProcessingPaymentReconciler);
 * - AWAITING_APPROVAL past PAYMENTS_APPROVAL_EXPIRY_SECONDS: canceled (`approval expired`), with its event.
 * Rows are read across tenants in the audited platform scope and each handled in its own tenant's context.
 */
@Injectable()
export class StuckPaymentsSweeper {
  private readonly logger = new Logger(StuckPaymentsSweeper.name);

  constructor(
    private readonly platformPayments: PlatformPaymentsRepository,
    private readonly jobs: PaymentJobsService,
    private readonly reconciler: ProcessingPaymentReconciler,
    private readonly events: PaymentEventsService,
    private readonly tenants: TenantLookupService,
    private readonly tenantContext: TenantContextService,
    @Inject(PAYMENTS_SETTINGS) private readonly settings: PaymentsSettings,
  ) {}

  async sweep(now = new Date()): Promise<StuckPaymentsSweepResult> {
    const { maintenance } = this.settings;
    const pendingReEnqueued = await this.each(
      PaymentStatus.Pending,
      maintenance.stuckPendingGraceSeconds,
      now,
      async (payment) => {
        await this.jobs.processPayment(payment._id.toHexString());
        return true;
      },
    );
    const processing = { completed: 0, failed: 0, re_enqueued: 0, unknown: 0, needs_attention: 0 };
    await this.each(
      PaymentStatus.Processing,
      maintenance.stuckProcessingGraceSeconds,
      now,
      async (payment) => {
        const outcome = await this.reconciler.reconcile(payment);
        if (outcome === 'left_to_job') return false;
        processing[outcome] += 1;
        return true;
      },
    );
    const approvalsExpired = await this.each(
      PaymentStatus.AwaitingApproval,
      maintenance.approvalExpirySeconds,
      now,
      (payment) => this.expireApproval(payment),
    );
    const result = { pendingReEnqueued, processing, approvalsExpired };
    if (pendingReEnqueued + approvalsExpired + Object.values(processing).reduce((a, b) => a + b, 0) > 0) {
      this.logger.warn(result, 'Stuck payments swept');
    }
    return result;
  }

  private each(
    status: SweptPaymentStatus,
    graceSeconds: number,
    now: Date,
    work: (payment: Payment) => Promise<boolean>,
  ): Promise<number> {
    const cutoff = new Date(now.getTime() - graceSeconds * 1000);
    return eachRowInItsTenant(
      { tenantContext: this.tenantContext, tenants: this.tenants },
      SWEEP_REASON[status],
      (afterId, pageSize) => this.platformPayments.inStatusSince(status, cutoff, afterId, pageSize),
      work,
    );
  }

  private async expireApproval(payment: Payment): Promise<boolean> {
    const canceled = await this.events.transition(
      payment._id,
      {
        from: PaymentStatus.AwaitingApproval,
        to: PaymentStatus.Canceled,
        by: SYSTEM_ACTOR,
        reason: 'approval expired',
      },
      PaymentEventType.Canceled,
    );
    return canceled !== null;
  }
}
