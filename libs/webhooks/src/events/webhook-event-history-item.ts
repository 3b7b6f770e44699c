import type { WebhookDeliveryStatus } from '../delivery/webhook-delivery-status.enum';
import type { WebhookEventType } from './webhook-event-type.enum';

/** A published webhook event and where its deliveries stand, for the history of what it is about. */
export interface WebhookEventHistoryItem {
  /** The id a replay takes (`POST /v1/webhook-events/{id}/replay`). */
  readonly id: string;
  readonly type: WebhookEventType;
  readonly createdAt: string;
  readonly replayCount: number;
  /** Deliveries (one per subscribed endpoint and replay) by status; every status is present, 0 when none. */
  readonly deliveries: Readonly<Record<WebhookDeliveryStatus, number>>;
}
