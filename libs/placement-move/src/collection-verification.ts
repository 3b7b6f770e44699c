/**
 * What verifying one collection found. Every document was compared one by one (SHA-256 of its canonical BSON)
 * before the freeze; those written since were compared again while frozen, just before the switch (see
 * TenantMoveRunner).
 */
export interface CollectionVerification {
  readonly collection: string;
  /**
   * The tenant's documents on each side, counted by the last unfrozen catch-up pass (writes still landing, so
   * they may differ by those): an account for operators, not the verdict, which the freeze reaches without
   * counting (see TenantMoveRunner).
   */
  readonly sourceCount: number;
  readonly targetCount: number;
  /** Order-independent checksums (CollectionChecksum) of the documents compared while frozen, on each side. */
  readonly sourceChecksum: string;
  readonly targetChecksum: string;
  /** Documents compared before the freeze (every document once, then those written during that comparison). */
  readonly comparedBeforeFreeze: number;
  /** Documents compared while frozen: those written since the last comparison before the freeze. */
  readonly comparedWhileFrozen: number;
  readonly matches: boolean;
}
