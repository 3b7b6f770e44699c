import type { TenantOwnedFields } from '@tenantpay/data-isolation';
import type { WebhookEventSubscription } from '../events/webhook-event-type.enum';
import type { WebhookEndpointDisabledReason } from './webhook-endpoint-disabled-reason.enum';

/** A URL of the tenant's that receives signed events. */
export interface WebhookEndpoint extends TenantOwnedFields {
  url: string;
  description: string | null;
  events: WebhookEventSubscription[];
  enabled: boolean;
  disabledReason: WebhookEndpointDisabledReason | null;
  disabledAt: Date | null;
  /** The signing secret, encrypted (WebhookSecretCipher); never returned by the API after creation. */
  secretCiphertext: string;
  /** The secret before the last rotation, still signing next to the new one until it expires. */
  previousSecretCiphertext: string | null;
  previousSecretExpiresAt: Date | null;
  createdBy: string | null;
}
