import { type WebhookEventHistoryItem, WebhookEventType } from '@tenantpay/webhooks';
import { WebhookDeliveryCountsResponse } from './webhook-delivery-counts.response';

/** A webhook event the platform published about the payment, and where its deliveries stand. */
export class WebhookEventHistoryItemResponse implements WebhookEventHistoryItem {
  /** The id a replay takes. @example "665f1c2ab3e4d5f6a7b8c9e1" */
  readonly id!: string;
  readonly type!: WebhookEventType;
  readonly createdAt!: string;
  readonly replayCount!: number;
  readonly deliveries!: WebhookDeliveryCountsResponse;
}
