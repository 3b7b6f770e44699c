import type { WebhookEventType } from './webhook-event-type.enum';

/** What publishing or replaying an event did. */
export interface PublishedWebhookEvent {
  readonly id: string;
  readonly type: WebhookEventType;
  /** The deliveries created (one per enabled endpoint subscribed to the type, or the one asked for). */
  readonly deliveryIds: readonly string[];
}
