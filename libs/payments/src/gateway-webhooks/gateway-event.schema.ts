import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import { Schema } from 'mongoose';
import { GATEWAY_EVENT_COLLECTION } from '../payments.constant';
import type { GatewayEvent } from './gateway-event';

export const GATEWAY_EVENT_MODEL = 'GatewayEvent';

export const GatewayEventSchema = tenantOwnedSchema<GatewayEvent>(
  {
    eventId: { type: String, required: true },
    type: { type: String, required: true },
    paymentId: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, required: true },
    processedAt: { type: Date, default: null },
    result: { type: String, default: null },
  },
  {
    collection: GATEWAY_EVENT_COLLECTION,
    shard: {
      key: { tenantId: 1, eventId: 1 },
      reason: 'the unique gateway event id per tenant must start with the key; ids split evenly',
    },
  },
);

// Deduplication of redelivered webhooks: the insert of `{ tenantId, eventId }` fails for a known event.
GatewayEventSchema.index({ tenantId: 1, eventId: 1 }, { unique: true });
// A payment's gateway history: `find({ tenantId, paymentId })`.
GatewayEventSchema.index({ tenantId: 1, paymentId: 1 });
