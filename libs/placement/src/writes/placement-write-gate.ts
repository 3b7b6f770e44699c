/**
 * Asked by TenantAwareRepository before every write of tenant data: a placement move freezes a tenant's
 * writes for a bounded moment around its switch, and refuses them here (503 with Retry-After) meanwhile.
 */
export interface PlacementWriteGate {
  /** Resolves when `tenantId` may write now; throws the refusal otherwise. */
  assertWritable(tenantId: string): Promise<void>;
}

/** The injection token of the one PlacementWriteGate (MovingTenantWriteGate, bound by PlacementModule). */
export const PLACEMENT_WRITE_GATE = Symbol('PLACEMENT_WRITE_GATE');
