import { Injectable } from '@nestjs/common';
import { TenantLookupService } from '../cache/tenant-lookup.service';
import { TenantNotFoundException } from '../tenants/tenant-not-found.exception';
import { TenantsRepository } from '../tenants/tenants.repository';

/**
 * The two changes a placement move makes to the tenant document, each announced to every instance's tenant
 * cache before it returns: the moving flag (which makes the write gate ask the move's Redis state) and the
 * switch of the placement itself. Auditing is the move's (it records each phase), not this service's.
 */
@Injectable()
export class TenantPlacementMarker {
  constructor(
    private readonly tenants: TenantsRepository,
    private readonly lookup: TenantLookupService,
  ) {}

  async setMoving(tenantId: string, moving: boolean): Promise<void> {
    const change = await this.tenants.setMoving(tenantId, moving);
    if (change === null) throw new TenantNotFoundException();
    await this.lookup.invalidate(change.before, change.after);
  }

  /**
   * Points the tenant at `to` if it is still on `from` and flagged moving; false when it was not (another
   * move's switch, or the flag cleared), so the caller never switches a tenant it does not hold.
   */
  async switchPlacement(tenantId: string, from: string, to: string): Promise<boolean> {
    const change = await this.tenants.switchPlacement(tenantId, from, to);
    if (change === null) return false;
    await this.lookup.invalidate(change.before, change.after);
    return true;
  }
}
