import { Injectable } from '@nestjs/common';
import { TenantContextService, TenantLookupService, TenantNotFoundException } from '@tenantpay/tenancy';

/**
 * Where a tenant's data lives. The current request's or job's tenant is answered from its context (the
 * snapshot the whole unit of work sees, so one request never straddles two placements); any other tenant from
 * the tenant cache, whose invalidation reaches every instance when a move switches the placement.
 */
@Injectable()
export class TenantPlacementResolver {
  constructor(
    private readonly context: TenantContextService,
    private readonly tenants: TenantLookupService,
  ) {}

  async placementOf(tenantId: string): Promise<string> {
    const current = this.context.current()?.tenant;
    if (current != null && current.id === tenantId) return current.placement;
    const tenant = await this.tenants.findById(tenantId);
    if (tenant === null) throw new TenantNotFoundException();
    return tenant.placement;
  }

  /** The placement of the context's tenant; undefined outside a tenant context (the platform scope). */
  currentPlacement(): string | undefined {
    return this.context.current()?.tenant?.placement;
  }

  /** The tenants on `placements` (dedicated names), read from MongoDB: see TenantLookupService.tenantsPlacedOn. */
  tenantsPlacedOn(placements: readonly string[]): Promise<ReadonlyMap<string, string>> {
    return this.tenants.tenantsPlacedOn(placements);
  }
}
