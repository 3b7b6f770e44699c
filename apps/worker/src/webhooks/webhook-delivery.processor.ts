import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import {
  type TenantJobData,
  TenantAwareProcessor,
  type TenantJobRunOptions,
  type TenantSnapshot,
} from '@tenantpay/tenancy';
import {
  WEBHOOK_DELIVERY_QUEUE,
  type WebhookAttemptResult,
  webhookBackoffStrategy,
  type WebhookDeliveryJob,
  WebhookDeliveryService,
} from '@tenantpay/webhooks';
import type { Job } from 'bullmq';
import { WebhookAttemptFailedError } from './webhook-attempt-failed.error';

/**
 * Delivers webhooks, one attempt per job run, in the job's tenant context. Retries follow the webhook
 * schedule (a custom backoff strategy); after the last attempt the job fails and stays in BullMQ's failed
 * set for inspection, while the delivery log, the tenant-facing dead letter, already says `failed`.
 */
@Processor(WEBHOOK_DELIVERY_QUEUE, { concurrency: 10, settings: { backoffStrategy: webhookBackoffStrategy } })
export class WebhookDeliveryProcessor extends TenantAwareProcessor<WebhookDeliveryJob, WebhookAttemptResult> {
  private readonly logger = new Logger(WebhookDeliveryProcessor.name);
  // Deliveries report what already happened (a payment accepted before the archive settling after it).
  protected override readonly runOptions: TenantJobRunOptions = { whenArchived: 'finish' };

  constructor(private readonly deliveries: WebhookDeliveryService) {
    super();
  }

  // Without a listener, a connection error (Redis restarting, the app closing mid-connect) would be an
  // unhandled 'error' event and crash the process; BullMQ reconnects by itself.
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.error({ err: error }, 'Webhook delivery worker error');
  }

  @OnWorkerEvent('failed')
  onJobFailed(job: Job | undefined, error: Error): void {
    if (job === undefined || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    // The tenant sees this in the delivery log; operators see it here. No payload: it may carry personal data.
    this.logger.warn(
      { jobId: job.id, attemptsMade: job.attemptsMade, err: error },
      'Webhook delivery dead-lettered',
    );
  }

  protected async processForTenant(
    payload: WebhookDeliveryJob,
    _tenant: TenantSnapshot,
    job: Job<TenantJobData<WebhookDeliveryJob>>,
  ): Promise<WebhookAttemptResult> {
    // attemptsMade counts the attempts that already failed; this run is the next one.
    const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const result = await this.deliveries.attempt({ deliveryId: payload.deliveryId, isLastAttempt });
    if (result.outcome === 'retry' || result.outcome === 'dead_lettered')
      throw new WebhookAttemptFailedError(result.reason);
    return result;
  }
}
