import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { TenantJobEnqueuer } from '@tenantpay/tenancy';
import type { Queue } from 'bullmq';
import type { WebhookEndpoint } from '../endpoints/webhook-endpoint';
import type { WebhookEvent } from '../events/webhook-event';
import { WEBHOOK_BACKOFF_TYPE, WEBHOOK_DELIVERY_JOB, WEBHOOK_DELIVERY_QUEUE } from '../webhooks.constant';
import { WEBHOOKS_OPTIONS, type WebhooksOptions } from '../webhooks-options';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import type { WebhookDelivery } from './webhook-delivery';
import type { WebhookDeliveryJob } from './webhook-delivery-job';

/**
 * Creates the deliveries of an event to endpoints and puts them on the worker's queue. Both steps are
 * idempotent per (event, endpoint, replay): the delivery by a unique index, the job by an id derived from
 * the same three, so repeating a publish or a replay leaves one delivery and one job each.
 */
@Injectable()
export class WebhookDeliveryScheduler {
  constructor(
    @InjectQueue(WEBHOOK_DELIVERY_QUEUE) private readonly queue: Queue,
    private readonly jobs: TenantJobEnqueuer,
    private readonly deliveries: WebhookDeliveriesRepository,
    @Inject(WEBHOOKS_OPTIONS) private readonly options: WebhooksOptions,
  ) {}

  async schedule(
    event: WebhookEvent,
    endpoints: readonly WebhookEndpoint[],
    replay: number,
  ): Promise<WebhookDelivery[]> {
    const scheduled: WebhookDelivery[] = [];
    for (const endpoint of endpoints) {
      const delivery = await this.deliveries.ensure(event._id, endpoint._id, event.type, replay);
      try {
        await this.enqueue(delivery);
      } catch (error) {
        // Visible in the log as failed (and so replayable) rather than pending forever.
        await this.deliveries.markUnqueued(delivery._id, 'could not be queued').catch(() => undefined);
        throw error;
      }
      scheduled.push(delivery);
    }
    return scheduled;
  }

  private async enqueue(delivery: WebhookDelivery): Promise<void> {
    const payload: WebhookDeliveryJob = {
      deliveryId: delivery._id.toHexString(),
      retryDelaysMs: [...this.options.retryDelaysMs],
    };
    await this.jobs.enqueue(this.queue, WEBHOOK_DELIVERY_JOB, payload, {
      jobId: webhookDeliveryJobId(delivery),
      attempts: this.options.retryDelaysMs.length + 1,
      backoff: { type: WEBHOOK_BACKOFF_TYPE, jitter: this.options.retryJitter },
    });
  }
}

/** One job per delivery; BullMQ job ids may not contain `:`. */
export function webhookDeliveryJobId(
  delivery: Pick<WebhookDelivery, 'eventId' | 'endpointId' | 'replay'>,
): string {
  const base = `webhook-${delivery.eventId.toHexString()}-${delivery.endpointId.toHexString()}`;
  return delivery.replay === 0 ? base : `${base}-replay-${delivery.replay}`;
}
