/** The events tenants can subscribe endpoints to. */
export enum WebhookEventType {
  PaymentCompleted = 'payment.completed',
  PaymentFailed = 'payment.failed',
  PaymentRefunded = 'payment.refunded',
  PaymentCanceled = 'payment.canceled',
  PaymentAwaitingApproval = 'payment.awaiting_approval',
  UsageThresholdReached = 'usage.threshold_reached',
}

/** Subscribes an endpoint to every event type, including ones added later. */
export const ALL_WEBHOOK_EVENTS = '*';

export type WebhookEventSubscription = WebhookEventType | typeof ALL_WEBHOOK_EVENTS;

export const WEBHOOK_EVENT_SUBSCRIPTIONS: readonly WebhookEventSubscription[] = Object.freeze([
  ...Object.values(WebhookEventType),
  ALL_WEBHOOK_EVENTS,
]);

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === 'string' && (Object.values(WebhookEventType) as string[]).includes(value);
}
