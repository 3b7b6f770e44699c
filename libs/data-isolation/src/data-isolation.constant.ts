/** Field names every tenant-owned collection shares, and the audit actions this library records. */
export const TENANT_ID_FIELD = 'tenantId';
export const DELETED_AT_FIELD = 'deletedAt';
export const DELETED_BY_FIELD = 'deletedBy';
/** Maintained by every tenant-owned schema's timestamps on every insert and update (soft deletes included). */
export const UPDATED_AT_FIELD = 'updatedAt';
/**
 * Name of every tenant-owned collection's `{ tenantId: 1, updatedAt: 1 }` index (see tenantOwnedSchema): the one
 * placement moves built at run time before it was declared, so a collection that has it already is left as is.
 */
export const CHANGED_SINCE_INDEX_NAME = 'placement_move_changed_since';

export const DATA_ISOLATION_AUDIT_ACTIONS = {
  /** A filter, write or pipeline tried to reach beyond the caller's tenant (or to escape isolation). */
  crossTenantAttempt: 'tenant.cross_tenant_attempt',
  /** Code below the repository ran an unscoped operation on a tenant-owned model (a bug or an exploit). */
  isolationGuardViolation: 'tenant.isolation_guard_violation',
  /** A super-admin read or maintenance operation across tenants, with its reason. */
  platformScopeUsed: 'platform.cross_tenant_access',
} as const;
