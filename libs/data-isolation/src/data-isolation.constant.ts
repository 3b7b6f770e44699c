/** Field names every tenant-owned collection shares, and the audit actions this library records. */
export const TENANT_ID_FIELD = 'tenantId';
export const DELETED_AT_FIELD = 'deletedAt';
export const DELETED_BY_FIELD = 'deletedBy';

export const DATA_ISOLATION_AUDIT_ACTIONS = {
  /** A filter, write or pipeline tried to reach beyond the caller's tenant (or to escape isolation). */
  crossTenantAttempt: 'tenant.cross_tenant_attempt',
  /** Code below the repository ran an unscoped operation on a tenant-owned model (a bug or an exploit). */
  isolationGuardViolation: 'tenant.isolation_guard_violation',
  /** A super-admin read or maintenance operation across tenants, with its reason. */
  platformScopeUsed: 'platform.cross_tenant_access',
} as const;
