import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import { Schema } from 'mongoose';
import { IDEMPOTENCY_RECORD_COLLECTION } from '../payments.constant';
import type { IdempotencyRecord } from './idempotency-record';

export const IDEMPOTENCY_RECORD_MODEL = 'IdempotencyRecord';

export const IdempotencyRecordSchema = tenantOwnedSchema<IdempotencyRecord>(
  {
    key: { type: String, required: true },
    fingerprint: { type: String, required: true },
    state: { type: String, enum: ['in_progress', 'completed'], required: true },
    lockToken: { type: String, default: null },
    lockedUntil: { type: Date, required: true },
    holderSession: { type: String, default: null },
    responseStatus: { type: Number, default: null },
    responseBody: { type: Schema.Types.Mixed, default: null },
    expiresAt: { type: Date, required: true },
  },
  {
    collection: IDEMPOTENCY_RECORD_COLLECTION,
    minimize: false,
    shard: {
      key: { tenantId: 1, key: 1 },
      reason: 'the unique key per tenant must start with the key; client keys spread evenly',
    },
  },
);

// The key is unique per tenant (never globally: tenants' keys are independent and must not collide):
// `findOne({ tenantId, key })`, and the insert that claims a key.
IdempotencyRecordSchema.index({ tenantId: 1, key: 1 }, { unique: true });

/**
 * The TTL index that deletes records a while after `expiresAt`. It cannot be declared on the schema: TTL
 * indexes must be single-field, and tenantOwnedSchema (rightly) demands `tenantId` first on every index. It
 * serves no query and is not unique, so neither reason for that rule applies; expiry is also enforced by
 * the service itself (an expired record counts as absent), so a missing or late TTL pass changes nothing.
 */
export const IDEMPOTENCY_TTL_INDEX = {
  key: { expiresAt: 1 },
  options: { expireAfterSeconds: 0, name: 'expiresAt_ttl' },
} as const;
