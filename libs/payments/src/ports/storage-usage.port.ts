import type { TenantSnapshot } from '@tenantpay/tenancy';

/** Metering of `storage_bytes`: what the tenant's stored documents grew by (usage library, bound by the app). */
export interface StorageUsage {
  recordGrowth(tenant: TenantSnapshot, bytes: number): Promise<void>;
}

export const STORAGE_USAGE = Symbol('STORAGE_USAGE');
