import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import type { WebhookEvent } from './webhook-event';
import { WebhookEventType } from './webhook-event-type.enum';

export const WEBHOOK_EVENT_COLLECTION = 'webhook_events';
export const WEBHOOK_EVENT_MODEL = 'WebhookEvent';

// Reads are by id only (delivery, replay), served by tenantOwnedSchema's `{ tenantId, _id }` index.
export const WebhookEventSchema = tenantOwnedSchema<WebhookEvent>(
  {
    type: { type: String, required: true, enum: Object.values(WebhookEventType) },
    body: { type: String, required: true },
    replayCount: { type: Number, required: true, default: 0 },
    sourceEventId: { type: String, maxlength: 200 },
  },
  {
    collection: WEBHOOK_EVENT_COLLECTION,
    shard: {
      key: { tenantId: 1 },
      reason:
        'the unique source event id is a partial index, which cannot back a key, so tenantId alone is the finest key that keeps it unique (a tenant’s events form one chunk)',
    },
  },
);

// Idempotent publishing: `create` of an event whose source id the tenant already published fails here.
WebhookEventSchema.index(
  { tenantId: 1, sourceEventId: 1 },
  { unique: true, partialFilterExpression: { sourceEventId: { $type: 'string' } } },
);
