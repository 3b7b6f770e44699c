import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { WebhookDeliveryScheduler } from '../delivery/webhook-delivery-scheduler.service';
import { WebhookEndpointsRepository } from '../endpoints/webhook-endpoints.repository';
import { WEBHOOK_EVENT_BODY_MAX_BYTES } from '../webhooks.constant';
import type { PublishedWebhookEvent } from './published-webhook-event';
import { isWebhookEventType, type WebhookEventType } from './webhook-event-type.enum';
import { WebhookEventsRepository } from './webhook-events.repository';

export interface WebhookEventInput {
  readonly type: WebhookEventType;
  /** The event's object (a payment, a usage threshold…) as receivers should see it; JSON-serializable. */
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * How other features announce events to the current tenant's endpoints: stores the event and queues one
 * delivery per enabled endpoint subscribed to its type. Call inside the tenant's context (a request or a
 * tenant job), after the change the event describes is committed.
 */
@Injectable()
export class WebhookEventPublisher {
  constructor(
    private readonly events: WebhookEventsRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly scheduler: WebhookDeliveryScheduler,
  ) {}

  async publish(input: WebhookEventInput): Promise<PublishedWebhookEvent> {
    if (!isWebhookEventType(input.type)) throw new Error(`Unknown webhook event type: ${String(input.type)}`);
    const id = new Types.ObjectId();
    const body = JSON.stringify({
      id: id.toHexString(),
      type: input.type,
      created: Math.floor(Date.now() / 1000),
      data: input.data,
    });
    if (Buffer.byteLength(body) > WEBHOOK_EVENT_BODY_MAX_BYTES)
      throw new Error(`A ${input.type} webhook event is larger than ${WEBHOOK_EVENT_BODY_MAX_BYTES} bytes`);
    const event = await this.events.create({ _id: id, type: input.type, body, replayCount: 0 });
    const deliveries = await this.scheduler.schedule(event, await this.endpoints.subscribedTo(input.type), 0);
    return {
      id: id.toHexString(),
      type: input.type,
      deliveryIds: deliveries.map((d) => d._id.toHexString()),
    };
  }
}
