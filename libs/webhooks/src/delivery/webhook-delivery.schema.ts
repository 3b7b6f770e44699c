import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import { Schema } from 'mongoose';
import { WebhookEventType } from '../events/webhook-event-type.enum';
import type { WebhookDelivery, WebhookDeliveryAttempt } from './webhook-delivery';
import { WebhookDeliveryStatus } from './webhook-delivery-status.enum';

export const WEBHOOK_DELIVERY_COLLECTION = 'webhook_deliveries';
export const WEBHOOK_DELIVERY_MODEL = 'WebhookDelivery';

const AttemptSchema = new Schema<WebhookDeliveryAttempt>(
  {
    number: { type: Number, required: true },
    startedAt: { type: Date, required: true },
    durationMs: { type: Number, required: true },
    responseStatus: { type: Number, default: null },
    responseBody: { type: String, default: null },
    error: { type: String, default: null },
    succeeded: { type: Boolean, required: true },
  },
  { _id: false, strict: 'throw' },
);

export const WebhookDeliverySchema = tenantOwnedSchema<WebhookDelivery>(
  {
    eventId: { type: Schema.Types.ObjectId, required: true },
    endpointId: { type: Schema.Types.ObjectId, required: true },
    eventType: { type: String, required: true, enum: Object.values(WebhookEventType) },
    replay: { type: Number, required: true },
    status: { type: String, required: true, enum: Object.values(WebhookDeliveryStatus) },
    attempts: { type: [AttemptSchema], default: [] },
    finalReason: { type: String, default: null },
    completedAt: { type: Date, default: null },
  },
  {
    collection: WEBHOOK_DELIVERY_COLLECTION,
    shard: {
      key: { tenantId: 1, eventId: 1 },
      reason:
        'a prefix of the unique (event, endpoint, replay) per tenant; a tenant’s deliveries split by event',
    },
  },
);

// Publishing and replaying are idempotent per event, endpoint and replay number:
// `updateOne({ tenantId, eventId, endpointId, replay }, { $setOnInsert }, { upsert: true })`.
WebhookDeliverySchema.index({ tenantId: 1, eventId: 1, endpointId: 1, replay: 1 }, { unique: true });
// An endpoint's delivery log, newest first: `find({ tenantId, endpointId, deletedAt: null }).sort({ _id: -1 })`.
WebhookDeliverySchema.index({ tenantId: 1, endpointId: 1, _id: -1 });
