import { type PublishedWebhookEvent, WebhookEventType } from '@tenantpay/webhooks';

/** What a replay did: the event, and the deliveries it queued. */
export class PublishedWebhookEventResponse implements PublishedWebhookEvent {
  readonly id!: string;
  readonly type!: WebhookEventType;
  /** The deliveries created: one per enabled endpoint subscribed to the type, or the one asked for. */
  readonly deliveryIds!: string[];
}
