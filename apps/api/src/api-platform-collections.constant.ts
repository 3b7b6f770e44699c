import { AUDIT_EVENT_COLLECTION } from '@tenantpay/audit';
import {
  PLATFORM_USER_COLLECTION,
  PLATFORM_USER_SESSION_COLLECTION,
  SUPPORT_SESSION_COLLECTION,
} from '@tenantpay/identity';
import { TENANT_COLLECTION } from '@tenantpay/tenancy';
import { USAGE_RECORD_COLLECTION } from '@tenantpay/usage';

/**
 * Platform-owned collections API code touches inside a tenant's context (tenant lookups, platform users and
 * their sessions at sign-in and on every platform request). The command wall closes every other collection
 * that is not tenant-owned to tenant contexts.
 */
export const API_PLATFORM_COLLECTIONS: readonly string[] = [
  TENANT_COLLECTION,
  PLATFORM_USER_COLLECTION,
  PLATFORM_USER_SESSION_COLLECTION,
];

/**
 * Platform-owned collections keyed by tenant (the tenant's audit trail, usage and support sessions into it):
 * a tenant context touches only its own documents there.
 */
export const API_TENANT_KEYED_COLLECTIONS: readonly string[] = [
  AUDIT_EVENT_COLLECTION,
  USAGE_RECORD_COLLECTION,
  SUPPORT_SESSION_COLLECTION,
];
