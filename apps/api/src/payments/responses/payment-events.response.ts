import { GatewayEventResponse } from './gateway-event.response';
import { WebhookEventHistoryItemResponse } from './webhook-event-history-item.response';

/** What happened to a payment outside its status history: the gateway's events in, the webhook events out. */
export class PaymentEventsResponse {
  /** Oldest first. */
  readonly gateway!: GatewayEventResponse[];
  /** Oldest first. */
  readonly webhooks!: WebhookEventHistoryItemResponse[];
}
