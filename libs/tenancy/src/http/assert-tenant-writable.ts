import type { TenantSnapshot } from '../tenants/tenant-snapshot';
import { TenantArchivedException } from './tenant-archived.exception';

/**
 * For public routes that write (invitation acceptance, password reset): TenantGuard refuses writes on an
 * archived tenant only on authenticated tenant routes, so these check the tenant themselves.
 */
export function assertTenantWritable(tenant: TenantSnapshot): void {
  if (tenant.isArchived) throw new TenantArchivedException();
}
