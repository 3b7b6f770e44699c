import { Schema } from 'mongoose';
import type { TenantUser } from './tenant-user';
import { TenantUserRole } from './tenant-user-role.enum';

export const TENANT_USER_COLLECTION = 'users';
export const TENANT_USER_MODEL = 'TenantUser';

export const TenantUserSchema = new Schema<TenantUser>(
  {
    tenantId: { type: Schema.Types.ObjectId, required: true, immutable: true },
    email: { type: String, required: true, lowercase: true, trim: true, maxlength: 254 },
    passwordHash: { type: String, required: true },
    role: { type: String, enum: Object.values(TenantUserRole), required: true },
    isActive: { type: Boolean, required: true, default: true },
    lastLoginAt: { type: Date, default: null },
    deletedAt: { type: Date, default: null },
    deletedBy: { type: String, default: null },
  },
  {
    collection: TENANT_USER_COLLECTION,
    timestamps: true,
    strict: 'throw',
    strictQuery: 'throw',
    minimize: false,
  },
);

// Login and duplicate checks: `findOne({ tenantId, email })`; unique because an email names one user per
// tenant (the same email may exist in other tenants). Soft-deleted users keep their email reserved.
TenantUserSchema.index({ tenantId: 1, email: 1 }, { unique: true });
// Listing a tenant's users: `find({ tenantId, deletedAt: null, _id: { $gt: cursor } }).sort({ _id: 1 })`.
TenantUserSchema.index({ tenantId: 1, deletedAt: 1, _id: 1 });
