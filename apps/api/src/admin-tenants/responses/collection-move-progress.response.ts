import type { CollectionMoveProgress } from '@tenantpay/placement-move';

/** One collection's part of a move. */
export class CollectionMoveProgressResponse implements CollectionMoveProgress {
  /** Indexes built on the target. */
  readonly indexes!: number;
  /** Documents written by the first copy. */
  readonly copied!: number;
  /** Documents rewritten by catch-up passes (changed during the copy). */
  readonly caughtUp!: number;
  /** Documents removed from the target by catch-up passes (deleted on the source during the copy). */
  readonly removed!: number;
}
