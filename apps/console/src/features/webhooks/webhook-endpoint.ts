/** A webhook endpoint as listed (WebhookEndpointView): never its secret. */
export interface WebhookEndpoint {
  readonly id: string;
  readonly url: string;
  readonly description: string | null;
  readonly events: readonly string[];
  readonly enabled: boolean;
  readonly disabledReason: string | null;
  readonly createdAt: string;
}

/** The answer to a create or a secret rotation: the endpoint and, this once, its signing secret. */
export interface WebhookEndpointWithSecret extends WebhookEndpoint {
  readonly secret: string;
}

/** One delivery of an event to an endpoint (WebhookDeliveryView). */
export interface WebhookDelivery {
  readonly id: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly replay: number;
  readonly status: string;
  readonly finalReason: string | null;
  readonly attempts: readonly unknown[];
  readonly createdAt: string;
}

/** The events an endpoint may subscribe to (WebhookEventType), or all of them. */
export const WEBHOOK_EVENT_CHOICES: readonly string[] = [
  '*',
  'payment.completed',
  'payment.failed',
  'payment.refunded',
  'payment.canceled',
  'payment.awaiting_approval',
  'usage.threshold_reached',
];
