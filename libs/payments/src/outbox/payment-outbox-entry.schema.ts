import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import { Schema } from 'mongoose';
import { PAYMENT_OUTBOX_COLLECTION } from '../payments.constant';
import { PAYMENT_EVENT_TYPES } from '../ports/payment-event';
import type { PaymentOutboxEntry } from './payment-outbox-entry';

export const PAYMENT_OUTBOX_ENTRY_MODEL = 'PaymentOutboxEntry';

export const PaymentOutboxEntrySchema = tenantOwnedSchema<PaymentOutboxEntry>(
  {
    eventId: { type: String, required: true },
    type: { type: String, enum: PAYMENT_EVENT_TYPES, required: true },
    occurredAt: { type: Date, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    dispatchedAt: { type: Date, default: null },
    attempts: { type: Number, default: 0 },
    lastError: { type: String, default: null },
  },
  {
    collection: PAYMENT_OUTBOX_COLLECTION,
    minimize: false,
    shard: {
      key: { tenantId: 1, eventId: 1 },
      reason: 'the unique event id per tenant must start with the key',
    },
  },
);

// One entry per event: a second write of the same event id fails, and the writer reads the first (insertOnce).
PaymentOutboxEntrySchema.index({ tenantId: 1, eventId: 1 }, { unique: true });
// The dispatcher's retry across tenants (platform scope): `find({ dispatchedAt: null, deletedAt: null,
// _id: { $gt: cursor } }).sort({ _id: 1 })`. Partial on undispatched entries (a `$type: 'null'` filter, since
// partial indexes take no plain null equality), so it stays as small as the backlog.
PaymentOutboxEntrySchema.index(
  { tenantId: 1, _id: 1, dispatchedAt: 1 },
  { partialFilterExpression: { dispatchedAt: { $type: 'null' } } },
);

/** How long a dispatched entry is kept: past the outbox retry's reach, long enough to investigate a delivery. */
export const PAYMENT_OUTBOX_RETENTION_DAYS = 7;

/**
 * The TTL index that deletes an entry {@link PAYMENT_OUTBOX_RETENTION_DAYS} after it was dispatched, so the
 * outbox holds its backlog and a week of history rather than every event ever raised. It cannot be declared on
 * the schema (TTL indexes are single-field; tenantOwnedSchema demands `tenantId` first) and need not be: it
 * serves no query and is not unique. An undispatched entry (`dispatchedAt: null`) is never deleted, since TTL
 * ignores documents whose field is not a date. A debt repaired after its entry was purged writes the entry
 * again under the same event id, and webhook deliveries are deduplicated by that id.
 */
export const PAYMENT_OUTBOX_TTL_INDEX = {
  key: { dispatchedAt: 1 },
  options: { expireAfterSeconds: PAYMENT_OUTBOX_RETENTION_DAYS * 86_400, name: 'dispatchedAt_ttl' },
} as const;
