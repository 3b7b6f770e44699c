import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import {
  isPlatformMailDeliveryJob,
  MAIL_DELIVERY_QUEUE,
  type MailDeliveryJob,
  type MailDeliveryOutcome,
  MailDeliveryService,
} from '@tenantpay/mail';
import { type TenantJobData, TenantAwareProcessor, type TenantSnapshot } from '@tenantpay/tenancy';
import type { Job } from 'bullmq';

/**
 * Delivers one outbox email per job over SMTP: a tenant's in the job's tenant context, the platform's (a job
 * marked `owner: 'platform'`, which names no tenant) outside any. A failed attempt throws, so BullMQ
 * retries it with exponential backoff; the last attempt marks the row failed (audited).
 */
@Processor(MAIL_DELIVERY_QUEUE, { concurrency: 5 })
export class MailDeliveryProcessor extends TenantAwareProcessor<MailDeliveryJob, MailDeliveryOutcome> {
  private readonly logger = new Logger(MailDeliveryProcessor.name);

  constructor(private readonly delivery: MailDeliveryService) {
    super();
  }

  // Without a listener, a connection error would be an unhandled 'error' event and crash the process.
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.error({ err: error }, 'Mail delivery worker error');
  }

  @OnWorkerEvent('failed')
  onJobFailed(job: Job | undefined, error: Error): void {
    if (job === undefined) return;
    // No recipient or body in the log: they are personal data and may carry a single-use link.
    this.logger.warn(
      { jobId: job.id, attemptsMade: job.attemptsMade, err: error },
      'Mail delivery attempt failed',
    );
  }

  override process(job: Job): Promise<MailDeliveryOutcome> {
    if (isPlatformMailDeliveryJob(job.data))
      return this.delivery.deliverForPlatform(job.data.payload.outboxId, isLastAttempt(job));
    return super.process(job as Job<TenantJobData<MailDeliveryJob>>);
  }

  protected processForTenant(
    payload: MailDeliveryJob,
    _tenant: TenantSnapshot,
    job: Job<TenantJobData<MailDeliveryJob>>,
  ): Promise<MailDeliveryOutcome> {
    return this.delivery.deliver(payload.outboxId, isLastAttempt(job));
  }
}

/** attemptsMade counts the attempts that already failed; this run is the next one. */
function isLastAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}
