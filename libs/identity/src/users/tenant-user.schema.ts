import { MfaFactorSchema } from '../mfa/mfa-factor.schema';
import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import type { TenantUser } from './tenant-user';
import { TenantUserRole } from './tenant-user-role.enum';

export const TENANT_USER_COLLECTION = 'users';
export const TENANT_USER_MODEL = 'TenantUser';

export const TenantUserSchema = tenantOwnedSchema<TenantUser>(
  {
    email: { type: String, required: true, lowercase: true, trim: true, maxlength: 254 },
    passwordHash: { type: String, required: true },
    name: { type: String, default: null, maxlength: 200 },
    role: { type: String, enum: Object.values(TenantUserRole), required: true },
    isActive: { type: Boolean, required: true, default: true },
    lastLoginAt: { type: Date, default: null },
    mfa: { type: MfaFactorSchema, default: null },
  },
  {
    collection: TENANT_USER_COLLECTION,
    minimize: false,
    shard: {
      key: { tenantId: 1, email: 1 },
      reason:
        'the unique email per tenant must start with the key; a big tenant’s users still split by email',
    },
  },
);

// Login and duplicate checks: `findOne({ tenantId, email })`; unique because an email names one user per
// tenant (the same email may exist in other tenants). Soft-deleted users keep their email reserved.
TenantUserSchema.index({ tenantId: 1, email: 1 }, { unique: true });
// Listing a tenant's users in `_id` order, by id lookups and the seat count use the `{ tenantId: 1, _id: 1 }`
// index tenantOwnedSchema declares.
