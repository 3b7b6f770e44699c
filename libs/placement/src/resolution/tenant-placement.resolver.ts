import { Injectable } from '@nestjs/common';
import {
  TenantContextService,
  TenantLookupService,
  TenantNotFoundException,
  type TenantSnapshot,
} from '@tenantpay/tenancy';
import type { TenantPlacementBelief, TenantPlacementView } from '../write-gate/tenant-placement-view';

/**
 * Where a tenant's data lives. The current request's or job's tenant is answered from its context (the
 * snapshot the whole unit of work sees, so one request never straddles two placements); any other tenant from
 * the tenant cache, whose invalidation reaches every instance when a move switches the placement.
 */
@Injectable()
export class TenantPlacementResolver implements TenantPlacementView {
  constructor(
    private readonly context: TenantContextService,
    private readonly tenants: TenantLookupService,
  ) {}

  async placementOf(tenantId: string): Promise<string> {
    return (await this.snapshotOf(tenantId)).placement;
  }

  /**
   * The placement and moving flag from the same snapshot the routing uses, so the write gate judges the
   * placement the write will actually go to.
   */
  async beliefOf(tenantId: string): Promise<TenantPlacementBelief> {
    const { placement, moving } = await this.snapshotOf(tenantId);
    if (moving) return { placement, moving };
    // A request that began before the move flagged the tenant keeps its snapshot's placement, but its writes
    // must still be admitted by the move: the tenant cache (in-process, invalidated by the mover) says so.
    const latest = await this.tenants.findById(tenantId);
    return { placement, moving: latest?.moving === true };
  }

  /** The placement of the context's tenant; undefined outside a tenant context (the platform scope). */
  currentPlacement(): string | undefined {
    return this.context.current()?.tenant?.placement;
  }

  /** The tenants on `placements` (dedicated names), read from MongoDB: see TenantLookupService.tenantsPlacedOn. */
  tenantsPlacedOn(placements: readonly string[]): Promise<ReadonlyMap<string, string>> {
    return this.tenants.tenantsPlacedOn(placements);
  }

  private async snapshotOf(tenantId: string): Promise<TenantSnapshot> {
    const current = this.context.current()?.tenant;
    if (current != null && current.id === tenantId) return current;
    const tenant = await this.tenants.findById(tenantId);
    if (tenant === null) throw new TenantNotFoundException();
    return tenant;
  }
}
