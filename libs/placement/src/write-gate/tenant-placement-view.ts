/** What an instance currently believes of a tenant's placement (from its tenant cache, possibly stale). */
export interface TenantPlacementBelief {
  /** The placement this instance would route the tenant's reads and writes to. */
  readonly placement: string;
  /** The tenant document says a move is under way: writes must be admitted by the move's Redis state. */
  readonly moving: boolean;
}

/**
 * Port to the tenant's cached placement, bound by the application to the tenancy cache: it is the same
 * snapshot the routing uses, so the gate judges the placement the write will actually go to.
 */
export abstract class TenantPlacementView {
  abstract beliefOf(tenantId: string): Promise<TenantPlacementBelief>;
}
