import { WebhookDeliveryStatus, type WebhookDeliveryView, WebhookEventType } from '@tenantpay/webhooks';
import { WebhookDeliveryAttemptResponse } from './webhook-delivery-attempt.response';

/** One line of an endpoint's delivery log: an event sent (or being sent) to the endpoint. */
export class WebhookDeliveryResponse implements WebhookDeliveryView {
  readonly id!: string;
  /** The event's id, the `Tenantpay-Webhook-Id` header of every attempt. */
  readonly eventId!: string;
  readonly eventType!: WebhookEventType;
  readonly endpointId!: string;
  /** 0 for the original delivery, then 1, 2… for each replay. */
  readonly replay!: number;
  readonly status!: WebhookDeliveryStatus;
  /** Why it ended without success (dead-lettered, endpoint disabled…). */
  readonly finalReason!: string | null;
  readonly attempts!: WebhookDeliveryAttemptResponse[];
  readonly createdAt!: string;
  readonly completedAt!: string | null;
}
