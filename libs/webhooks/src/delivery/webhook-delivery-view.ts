import type { WebhookEventType } from '../events/webhook-event-type.enum';
import type { WebhookDelivery } from './webhook-delivery';
import type { WebhookDeliveryStatus } from './webhook-delivery-status.enum';

export interface WebhookDeliveryAttemptView {
  readonly number: number;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly responseStatus: number | null;
  readonly responseBody: string | null;
  readonly error: string | null;
  readonly succeeded: boolean;
}

/** One line of an endpoint's delivery log. */
export interface WebhookDeliveryView {
  readonly id: string;
  readonly eventId: string;
  readonly eventType: WebhookEventType;
  readonly endpointId: string;
  readonly replay: number;
  readonly status: WebhookDeliveryStatus;
  readonly finalReason: string | null;
  readonly attempts: readonly WebhookDeliveryAttemptView[];
  readonly createdAt: string;
  readonly completedAt: string | null;
}

export function toWebhookDeliveryView(delivery: WebhookDelivery): WebhookDeliveryView {
  return {
    id: delivery._id.toHexString(),
    eventId: delivery.eventId.toHexString(),
    eventType: delivery.eventType,
    endpointId: delivery.endpointId.toHexString(),
    replay: delivery.replay,
    status: delivery.status,
    finalReason: delivery.finalReason,
    attempts: delivery.attempts.map((attempt) => ({
      number: attempt.number,
      startedAt: attempt.startedAt.toISOString(),
      durationMs: attempt.durationMs,
      responseStatus: attempt.responseStatus,
      responseBody: attempt.responseBody,
      error: attempt.error,
      succeeded: attempt.succeeded,
    })),
    createdAt: delivery.createdAt.toISOString(),
    completedAt: delivery.completedAt?.toISOString() ?? null,
  };
}
