/**
 * Redis keys of a tenant's move between placements. All carry the tenant in a hash tag so they live in one
 * Redis Cluster slot: the admission script reads the move's state and registers the writer atomically, and a
 * deletion is recorded only while that state exists.
 */
export const placementMoveKeys = {
  /** Hash: `placement` (where the tenant's writes must go right now), `frozen` ('1' while writes are refused), `moveId`. */
  state: (tenantId: string): string => `placement-move:{${tenantId}}:state`,
  /** Sorted set: one member per admitted write of the moving tenant until it lands, scored by the end of its lease (Redis ms). */
  writers: (tenantId: string): string => `placement-move:{${tenantId}}:writers`,
  /**
   * Set: the documents hard deletes of the moving tenant are about to remove (see HardDeletion), recorded before
   * each delete, until the mover has removed them from the target.
   */
  deletions: (tenantId: string): string => `placement-move:{${tenantId}}:deletions`,
} as const;

/** Retry-After of a write refused because its tenant is frozen for a move: about one freeze. */
export const TENANT_MOVING_RETRY_AFTER_SECONDS = 2;
