/**
 * A delivered event: the body of every webhook POST. `id` is the event's id, the same on every attempt and on
 * replays (the Tenantpay-Webhook-Id header), so a receiver that stores the ids it handled processes each once.
 */
export interface WebhookEvent {
  readonly id: string;
  /** `payment.completed`, `payment.failed`, `payment.refunded`, `usage.threshold_reached`, … */
  readonly type: string;
  /** Unix seconds when the event happened (not when this attempt was sent). */
  readonly created: number;
  readonly data: Readonly<Record<string, unknown>>;
}
