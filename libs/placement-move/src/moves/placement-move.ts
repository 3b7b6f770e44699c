import type { Types } from 'mongoose';
import type { CollectionVerification } from '../collection-verification';
import type { CollectionMoveProgress, TenantMoveTimings } from '../tenant-move-progress';
import type { TenantMoveState } from '../tenant-move-state.enum';

/** A move of one tenant between placements, as stored in `placement_moves` (platform-owned, shared database). */
export interface PlacementMove {
  readonly _id: Types.ObjectId;
  readonly tenantId: Types.ObjectId;
  readonly from: string;
  readonly to: string;
  readonly state: TenantMoveState;
  readonly collections: Readonly<Record<string, CollectionMoveProgress>>;
  readonly catchUpPasses: number;
  readonly freezeAttempts: number;
  readonly verification: readonly CollectionVerification[];
  readonly timings: TenantMoveTimings | null;
  /** Why the move failed, in words for operators. */
  readonly failure: string | null;
  /** The super-admin who asked for it. */
  readonly requestedBy: string;
  /** When a worker first took it up. */
  readonly startedAt: Date | null;
  /** When the move's own work ended (switched or failed, the tenant's moving flag cleared, Redis state closed). */
  readonly finishedAt: Date | null;
  /** After a switch: when the old copy on `from` is deleted (finishedAt + the retention period). */
  readonly deleteAfter: Date | null;
  readonly oldCopyDeletedAt: Date | null;
  /** Documents of the old copy deleted, per collection. */
  readonly oldCopyDeleted: Readonly<Record<string, number>> | null;
  /**
   * When the move stopped holding the tenant: failed, or switched and its old copy deleted. Until then no other
   * move of the tenant may start (one unique index), so an old copy awaiting deletion is never a live copy.
   */
  readonly closedAt: Date | null;
  /**
   * When an operator asked to cancel it, and who: the worker stops at its next step unless the switch began.
   * These three are absent (not null) on records written before moves could be canceled.
   */
  readonly cancelRequestedAt?: Date | null;
  readonly canceledBy?: string | null;
  /**
   * When the worker committed to the switch (set only while no cancel is asked, and a cancel is refused once it
   * is set): the one record both sides update conditionally, so a cancel either stops the move or is answered 409.
   */
  readonly switchingAt?: Date | null;
  /** The worker running it and until when it holds it (renewed while it runs). */
  readonly leaseOwner: string | null;
  readonly leaseUntil: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}
