import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import { Schema } from 'mongoose';
import type { ApiKey } from './api-key';
import { API_KEY_SCOPES } from './api-key-scope.enum';

export const API_KEY_COLLECTION = 'api_keys';
export const API_KEY_MODEL = 'ApiKey';

export const ApiKeySchema = tenantOwnedSchema<ApiKey>(
  {
    name: { type: String, required: true, trim: true, maxlength: 100 },
    prefix: { type: String, required: true, immutable: true },
    hash: { type: String, required: true, immutable: true },
    scopes: { type: [{ type: String, enum: API_KEY_SCOPES }], required: true },
    expiresAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
    revokedBy: { type: String, default: null },
    lastUsedAt: { type: Date, default: null },
    createdBy: { type: String, default: null },
    rotatedFromId: { type: Schema.Types.ObjectId, default: null },
    rotatingUntil: { type: Date, default: null },
  },
  {
    collection: API_KEY_COLLECTION,
    minimize: false,
    shard: {
      unsharded: true,
      reason:
        'authentication finds a key by its hash before any tenant is known, and the unique hash index could only be kept with hash as the shard key; a few keys per tenant fit on the primary shard',
    },
  },
);

// Listing a tenant's keys in `_id` order and reading one by id use the `{ tenantId: 1, _id: 1 }` index
// tenantOwnedSchema declares.

/**
 * Authentication: `findOne({ hash })` before any tenant is known (the key is what names the tenant), so the
 * one index of the collection that cannot start with tenantId, and therefore cannot be declared on the
 * schema (tenantOwnedSchema rightly demands tenantId first). Neither reason for that rule applies: the one
 * query it serves is the platform-scope lookup of ApiKeyCredentialsRepository, and its uniqueness is no
 * cross-tenant oracle, because the hashed value is 256 random bits the server generates, never chosen by a
 * client. ApiKeyCredentialsRepository creates it at start; same name and options as before the move, so an
 * existing deployment keeps its index.
 */
export const API_KEY_HASH_INDEX = {
  key: { hash: 1 },
  options: { unique: true, name: 'hash_1' },
} as const;
