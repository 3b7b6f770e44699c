import { TENANT_ID_FIELD } from '../data-isolation.constant';

/**
 * Every index of a tenant-owned collection starts with `tenantId` (or is `_id` alone). Queries are always
 * tenant-scoped, so an index without the prefix serves them badly, and a unique index without it is a
 * cross-tenant oracle: tenant A would learn from a duplicate-key error that tenant B uses a value. It is
 * also the shard key prefix when collections are sharded on `tenantId`.
 */
export function assertTenantFirstIndex(fields: Record<string, unknown>, modelOrSchema: string): void {
  const keys = Object.keys(fields);
  if (keys[0] === TENANT_ID_FIELD) return;
  if (keys.length === 1 && keys[0] === '_id') return;
  throw new Error(
    `Index ${JSON.stringify(fields)} on tenant-owned ${modelOrSchema} must start with ${TENANT_ID_FIELD}`,
  );
}
