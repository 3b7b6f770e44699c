import { Schema } from 'mongoose';
import type { ApiKey } from './api-key';
import { API_KEY_SCOPES } from './api-key-scope.enum';

export const API_KEY_COLLECTION = 'api_keys';
export const API_KEY_MODEL = 'ApiKey';

export const ApiKeySchema = new Schema<ApiKey>(
  {
    tenantId: { type: Schema.Types.ObjectId, required: true, immutable: true },
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
    deletedAt: { type: Date, default: null },
    deletedBy: { type: String, default: null },
  },
  {
    collection: API_KEY_COLLECTION,
    timestamps: true,
    strict: 'throw',
    strictQuery: 'throw',
    minimize: false,
  },
);

// Authentication: `findOne({ hash })` before any tenant is known (the key is what names the tenant), so the
// one index that cannot start with tenantId; unique because a hash names one key.
ApiKeySchema.index({ hash: 1 }, { unique: true });
// Listing a tenant's keys: `find({ tenantId, deletedAt: null }).sort({ _id: 1 })`.
ApiKeySchema.index({ tenantId: 1, deletedAt: 1, _id: 1 });
