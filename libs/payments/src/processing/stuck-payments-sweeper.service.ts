import { Inject, Injectable, Logger } from '@nestjs/common';
import { TenantContextService, TenantLookupService } from '@tenantpay/tenancy';
import { PlatformPaymentsRepository } from '../payment/platform-payments.repository';
import { PAYMENTS_SETTINGS, type PaymentsSettings } from '../payments-settings';
import { eachRowInItsTenant } from '../platform-scope/each-row-in-its-tenant';
import { PaymentJobsService } from './payment-jobs.service';

const SWEEP_REASON = 're-enqueue payments stuck in PENDING';

/**
 * A payment is committed (with its idempotency record) before it is enqueued, so a failed enqueue (Redis down)
 * or a process dying in between leaves it PENDING with no job. The sweep finds payments PENDING for longer than
 * the grace period, across tenants in the audited platform scope, and enqueues each again in its tenant's
 * context under the same deterministic job id: a job that does exist absorbs the duplicate, and the gateway's
 * idempotency key (the payment id) keeps a repeated charge from charging twice. AWAITING_APPROVAL is not
 * PENDING, so held payments stay held.
 */
@Injectable()
export class StuckPaymentsSweeper {
  private readonly logger = new Logger(StuckPaymentsSweeper.name);

  constructor(
    private readonly platformPayments: PlatformPaymentsRepository,
    private readonly jobs: PaymentJobsService,
    private readonly tenants: TenantLookupService,
    private readonly tenantContext: TenantContextService,
    @Inject(PAYMENTS_SETTINGS) private readonly settings: PaymentsSettings,
  ) {}

  /** Returns how many payments were enqueued again. */
  async sweep(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.settings.maintenance.stuckPendingGraceSeconds * 1000);
    const enqueued = await eachRowInItsTenant(
      { tenantContext: this.tenantContext, tenants: this.tenants },
      SWEEP_REASON,
      (afterId, pageSize) => this.platformPayments.pendingSince(cutoff, afterId, pageSize),
      async (payment) => {
        await this.jobs.processPayment(payment._id.toHexString());
        return true;
      },
    );
    if (enqueued > 0) this.logger.warn({ enqueued }, 'Payments stuck in PENDING enqueued again');
    return enqueued;
  }
}
