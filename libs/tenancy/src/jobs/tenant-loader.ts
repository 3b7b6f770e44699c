import type { TenantSnapshot } from '../tenants/tenant-snapshot';

/**
 * How the worker finds the tenant a job belongs to. Bound by the application (to the cached tenant lookup)
 * through TenantJobsModule.forRootAsync, so the job machinery does not depend on how tenants are stored.
 */
export interface TenantLoader {
  /** The tenant with this id, inactive ones included, or null when there is none. */
  findById(id: string): Promise<TenantSnapshot | null>;
}

export const TENANT_LOADER = Symbol('TENANT_LOADER');
