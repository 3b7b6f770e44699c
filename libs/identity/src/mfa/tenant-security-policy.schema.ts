import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import type { TenantSecurityPolicy } from './tenant-security-policy';

export const TENANT_SECURITY_POLICY_COLLECTION = 'tenant_security_policies';
export const TENANT_SECURITY_POLICY_MODEL = 'TenantSecurityPolicy';

export const TenantSecurityPolicySchema = tenantOwnedSchema<TenantSecurityPolicy>(
  {
    mfaRequired: { type: Boolean, required: true, default: false },
    updatedBy: { type: String, default: null },
  },
  {
    collection: TENANT_SECURITY_POLICY_COLLECTION,
    shard: { key: { tenantId: 1 }, reason: 'one policy per tenant (its unique index is tenantId alone)' },
  },
);

// Every access: `findOne({ tenantId })` / upsert; unique so a tenant has exactly one policy.
TenantSecurityPolicySchema.index({ tenantId: 1 }, { unique: true });
