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
  /**
   * The publisher's own id of the event (e.g. `evt_<paymentId>_completed`) when it publishes at least once;
   * a second publish with the same id returns the first event instead of notifying endpoints again.
   */
  sourceEventId?: string;
  /** How many replays have been requested; each replay's deliveries are numbered by it. */
  replayCount: number;
}
