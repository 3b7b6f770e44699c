import type { WebhookDeliveryStatus } from '@tenantpay/webhooks';

/** A webhook event's deliveries by status (one per subscribed endpoint and replay). */
export class WebhookDeliveryCountsResponse implements Readonly<Record<WebhookDeliveryStatus, number>> {
  readonly pending!: number;
  readonly succeeded!: number;
  /** Every attempt failed: replay it from the webhooks screen or `POST /v1/webhook-events/{id}/replay`. */
  readonly failed!: number;
  readonly canceled!: number;
}
