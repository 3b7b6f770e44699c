import type { TenantOwnedFields } from '@tenantpay/data-isolation';
import type { WebhookEventType } from './webhook-event-type.enum';

/** Something that happened in a tenant, as delivered to its endpoints. */
export interface WebhookEvent extends TenantOwnedFields {
  type: WebhookEventType;
  /**
   * The JSON body every delivery of this event sends, serialized once at publish time, so every attempt
   * and replay carries (and signs) exactly the same bytes.
   */
  body: string;
  /** How many replays have been requested; each replay's deliveries are numbered by it. */
  replayCount: number;
}
