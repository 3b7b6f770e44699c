import { Injectable } from '@nestjs/common';
import { isDuplicateKeyError } from '@tenantpay/platform';
import { WebhookDeliveryScheduler } from '../delivery/webhook-delivery-scheduler.service';
import { WebhookEndpointsRepository } from '../endpoints/webhook-endpoints.repository';
import { WEBHOOK_EVENT_BODY_MAX_BYTES } from '../webhooks.constant';
import type { PublishedWebhookEvent } from './published-webhook-event';
import type { WebhookEvent } from './webhook-event';
import { isWebhookEventType, type WebhookEventType } from './webhook-event-type.enum';
import { WebhookEventsRepository } from './webhook-events.repository';

export interface WebhookEventInput {
  readonly type: WebhookEventType;
  /** The event's object (a payment, a usage threshold…) as receivers should see it; JSON-serializable. */
  readonly data: Readonly<Record<string, unknown>>;
  /** Set by publishers that may publish the same event twice: the repeat is recognised and not delivered. */
  readonly sourceEventId?: string;
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
    // The id is part of the signed body, so it is needed before the insert.
    const id = this.events.newId();
    const body = JSON.stringify({
      id: id.toHexString(),
      type: input.type,
      created: Math.floor(Date.now() / 1000),
      data: input.data,
    });
    if (Buffer.byteLength(body) > WEBHOOK_EVENT_BODY_MAX_BYTES)
      throw new Error(`A ${input.type} webhook event is larger than ${WEBHOOK_EVENT_BODY_MAX_BYTES} bytes`);
    if (input.sourceEventId !== undefined) {
      const earlier = await this.events.findOne({ sourceEventId: input.sourceEventId });
      if (earlier !== null) return { id: earlier._id.toHexString(), type: earlier.type, deliveryIds: [] };
    }
    let event: WebhookEvent;
    try {
      event = await this.events.create({
        _id: id,
        type: input.type,
        body,
        replayCount: 0,
        ...(input.sourceEventId === undefined ? {} : { sourceEventId: input.sourceEventId }),
      });
    } catch (error) {
      // A concurrent publish of the same source event won the unique index: it notifies the endpoints.
      if (!isDuplicateKeyError(error) || input.sourceEventId === undefined) throw error;
      const winner = await this.events.findOne({ sourceEventId: input.sourceEventId });
      return { id: winner?._id.toHexString() ?? id.toHexString(), type: input.type, deliveryIds: [] };
    }
    const deliveries = await this.scheduler.schedule(event, await this.endpoints.subscribedTo(input.type), 0);
    return {
      id: id.toHexString(),
      type: input.type,
      deliveryIds: deliveries.map((d) => d._id.toHexString()),
    };
  }
}
