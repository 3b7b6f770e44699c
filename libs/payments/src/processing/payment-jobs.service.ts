import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { TenantJobEnqueuer } from '@tenantpay/tenancy';
import type { JobsOptions, JobState, Queue } from 'bullmq';
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
    await this.enqueuer.enqueueInFairShare<PaymentJobPayload>(
      this.queue,
      PaymentJobName.ProcessPayment,
      { paymentId },
      this.jobOptions(paymentJobId(paymentId)),
    );
  }

  async processRefund(paymentId: string, refundId: string): Promise<void> {
    await this.enqueuer.enqueueInFairShare<PaymentJobPayload>(
      this.queue,
      PaymentJobName.ProcessRefund,
      { paymentId, refundId },
      this.jobOptions(refundJobId(refundId)),
    );
  }

  /** Where the payment's job is: `missing` when Redis has no such job (never enqueued, removed, or lost). */
  async paymentJobState(paymentId: string): Promise<JobState | 'unknown' | 'missing'> {
    const job = await this.queue.getJob(paymentJobId(paymentId));
    return job === undefined ? 'missing' : job.getState();
  }

  /**
   * Removes the payment's dead-lettered job, so no replay can charge behind the sweep's back while it settles
   * the payment. False when the job is not (or no longer) in the failed set, or is locked by a worker.
   */
  async discardDeadLetteredPaymentJob(paymentId: string): Promise<boolean> {
    const job = await this.queue.getJob(paymentJobId(paymentId));
    if (job === undefined || (await job.getState()) !== 'failed') return false;
    try {
      await job.remove();
      return true;
    } catch {
      return false;
    }
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
