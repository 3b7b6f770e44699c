/**
 * Asked by TenantAwareRepository before every write of tenant data: a placement move freezes a tenant's
 * writes for a bounded moment around its switch, and refuses them here (503 with Retry-After) meanwhile.
 */
export interface PlacementWriteGate {
  /** Resolves when `tenantId` may write now, with the write's place in flight; throws the refusal otherwise. */
  admitWrite(tenantId: string): Promise<AdmittedWrite>;
}

/**
 * An admitted write, counted in flight (a move's freeze waits for it) until it has landed or its lease ends.
 * `landed()` is called once the write is visible in the database; a write that failed, timed out or waits for
 * a transaction's commit is never reported landed (it might still land later) and keeps its whole lease.
 */
export interface AdmittedWrite {
  landed(): void;
  /**
   * Present only while the tenant is being moved: a hard delete calls it with the ids it is about to remove,
   * before removing them, and does not delete if it throws (the refusal). A move learns of hard deletes only
   * from this record (they leave nothing dated behind for its catch-up to select), which is what keeps the
   * work of its write freeze proportional to the writes rather than to the tenant (see TenantMoveRunner).
   */
  readonly recordDeletions?: (collection: string, ids: readonly unknown[]) => Promise<void>;
}

/** The injection token of the one PlacementWriteGate (MovingTenantWriteGate, bound by PlacementModule). */
export const PLACEMENT_WRITE_GATE = Symbol('PLACEMENT_WRITE_GATE');
