import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@tenantpay/platform';

import { MoveWriteAdmission } from './move-write-admission';
import { MoveWriteRegistry } from './move-write-registry';
import { TenantMovingException } from './tenant-moving.exception';
import { TenantPlacementView } from './tenant-placement-view';
import type { AdmittedWrite, PlacementWriteGate } from '../writes/placement-write-gate';

/**
 * The placement write gate (bound to `PLACEMENT_WRITE_GATE` by PlacementModule), asked by TenantAwareRepository before every
 * write (API and worker alike). A tenant that is not moving costs nothing but its cached snapshot. A moving tenant's write is admitted by the move's Redis state: refused while
 * the final pass runs, refused when this instance would write to a placement that is no longer the tenant's
 * (its cache is behind the switch), registered as in flight otherwise so the freeze waits for it, until the
 * repository reports it landed (the freeze then waits only for writes really under way) or its lease ends. Redis
 * unable to answer refuses the moving tenant's writes (fail closed: a write the mover cannot see could be lost
 * by the switch); other tenants never ask Redis, so they are unaffected. A moving tenant's hard delete also
 * records what it removes in the move's ledger first (see AdmittedWrite.recordDeletions).
 *
 * Why the snapshot's `moving` flag is enough to skip Redis: the mover sets it, invalidates the tenant's caches
 * and waits PLACEMENT_MOVE_CACHE_STALENESS_MS before it ever freezes, so by then every instance asks Redis.
 */
/** A write of a tenant that is not moving: nothing counts it. */
const NOT_TRACKED: AdmittedWrite = { landed: () => undefined };

@Injectable()
export class MovingTenantWriteGate implements PlacementWriteGate {
  private readonly leaseMs: number;

  constructor(
    private readonly view: TenantPlacementView,
    private readonly registry: MoveWriteRegistry,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.leaseMs = config.placementMove.writeLeaseMs;
  }

  async admitWrite(tenantId: string): Promise<AdmittedWrite> {
    const belief = await this.view.beliefOf(tenantId);
    if (!belief.moving) return NOT_TRACKED;
    const writerId = randomUUID();
    let admission: MoveWriteAdmission;
    try {
      admission = await this.registry.admit(tenantId, belief.placement, writerId, this.leaseMs);
    } catch {
      throw new TenantMovingException();
    }
    if (admission !== MoveWriteAdmission.Admitted) throw new TenantMovingException();
    return {
      // Not awaited: the write is done; a release Redis cannot take leaves the lease to end it.
      landed: () => void this.registry.release(tenantId, writerId).catch(() => undefined),
      recordDeletions: async (collection, ids) => {
        const deletions = ids.map((id) => ({ collectionName: collection, id }));
        // Fail closed, as the admission: a delete the mover cannot learn of could come back with the switch.
        const recorded = await this.registry.recordDeletions(tenantId, deletions).catch(() => false);
        if (!recorded) throw new TenantMovingException();
      },
    };
  }
}
