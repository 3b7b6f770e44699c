import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { TenantJobEnqueuer } from '@tenantpay/tenancy';
import type { JobsOptions, Queue } from 'bullmq';
import { PaymentJobName, paymentJobId, PAYMENTS_QUEUE, refundJobId } from '../payments.constant';
import { PAYMENTS_SETTINGS, type PaymentsSettings } from '../payments-settings';
import type { PaymentJobPayload } from './payment-job-payload';

/**
 * Enqueues payment work for the current tenant. Job ids derive from the payment (or refund) id, so enqueueing
 * the same work twice — a replayed request, a retry after a lost acknowledgement — collapses into one job.
 */
@Injectable()
export class PaymentJobsService {
  constructor(
    @InjectQueue(PAYMENTS_QUEUE) private readonly queue: Queue,
    private readonly enqueuer: TenantJobEnqueuer,
    @Inject(PAYMENTS_SETTINGS) private readonly settings: PaymentsSettings,
  ) {}

  async processPayment(paymentId: string): Promise<void> {
    await this.enqueuer.enqueue<PaymentJobPayload>(
      this.queue,
      PaymentJobName.ProcessPayment,
      { paymentId },
      this.jobOptions(paymentJobId(paymentId)),
    );
  }

  async processRefund(paymentId: string, refundId: string): Promise<void> {
    await this.enqueuer.enqueue<PaymentJobPayload>(
      this.queue,
      PaymentJobName.ProcessRefund,
      { paymentId, refundId },
      this.jobOptions(refundJobId(refundId)),
    );
  }

  private jobOptions(jobId: string): JobsOptions {
    const { processing } = this.settings;
    return {
      jobId,
      attempts: processing.attempts,
      backoff: { type: 'exponential', delay: processing.backoffDelayMs, jitter: processing.backoffJitter },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      // The failed set is the dead-letter set: bounded, inspectable, replayable by a super-admin.
      removeOnFail: { age: processing.deadLetterRetentionSeconds, count: processing.deadLetterMaxCount },
    };
  }
}
