import type { CollectionVerification } from './collection-verification';
import type { TenantMoveState } from './tenant-move-state.enum';

/** Per collection: indexes built, documents written by the first copy and by all catch-up passes. */
export interface CollectionMoveProgress {
  readonly indexes: number;
  readonly copied: number;
  readonly caughtUp: number;
  readonly removed: number;
}

/**
 * Milliseconds spent in each part of the move: `verifyMs` is the comparisons made before the freeze; the freeze
 * includes its drain, final pass, final comparison and switch.
 */
export interface TenantMoveTimings {
  readonly copyMs: number;
  readonly catchUpMs: number;
  readonly verifyMs: number;
  readonly freezeMs: number;
  readonly totalMs: number;
}

/** What a move reports at every change of state: enough for the progress endpoint and the audit trail. */
export interface TenantMoveProgress {
  readonly state: TenantMoveState;
  readonly collections: Readonly<Record<string, CollectionMoveProgress>>;
  readonly catchUpPasses: number;
  readonly freezeAttempts: number;
  readonly verification: readonly CollectionVerification[];
  readonly timings: TenantMoveTimings;
  /** Why the move failed, in words for operators (never a stack trace). */
  readonly failure?: string;
}
