import type { WebhookEventSubscription } from '../events/webhook-event-type.enum';
import type { WebhookEndpointDisabledReason } from './webhook-endpoint-disabled-reason.enum';
import type { WebhookEndpoint } from './webhook-endpoint';

/** An endpoint as the API shows it: never its secret. */
export interface WebhookEndpointView {
  readonly id: string;
  readonly url: string;
  readonly description: string | null;
  readonly events: readonly WebhookEventSubscription[];
  readonly enabled: boolean;
  readonly disabledReason: WebhookEndpointDisabledReason | null;
  readonly disabledAt: string | null;
  /** Until when the secret before the last rotation still signs deliveries, if it does. */
  readonly previousSecretExpiresAt: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** An endpoint just created or its secret just rotated, with the secret: shown this once only. */
export interface WebhookEndpointWithSecret extends WebhookEndpointView {
  readonly secret: string;
}

export function toWebhookEndpointView(endpoint: WebhookEndpoint, now = new Date()): WebhookEndpointView {
  const previousActive =
    endpoint.previousSecretExpiresAt !== null && endpoint.previousSecretExpiresAt > now
      ? endpoint.previousSecretExpiresAt.toISOString()
      : null;
  return {
    id: endpoint._id.toHexString(),
    url: endpoint.url,
    description: endpoint.description,
    events: [...endpoint.events],
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    disabledAt: endpoint.disabledAt?.toISOString() ?? null,
    previousSecretExpiresAt: previousActive,
    createdBy: endpoint.createdBy,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}
