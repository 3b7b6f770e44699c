import type { CollectionVerification } from '../collection-verification';
import type { CollectionMoveProgress, TenantMoveTimings } from '../tenant-move-progress';
import type { TenantMoveState } from '../tenant-move-state.enum';
import type { PlacementMove } from './placement-move';

/** A move as super-admins follow it: where it is, what was copied and verified, how long each part took. */
export interface PlacementMoveView {
  readonly id: string;
  readonly tenantId: string;
  readonly from: string;
  readonly to: string;
  readonly state: TenantMoveState;
  readonly collections: Readonly<Record<string, CollectionMoveProgress>>;
  readonly catchUpPasses: number;
  readonly freezeAttempts: number;
  readonly verification: readonly CollectionVerification[];
  readonly timings: TenantMoveTimings | null;
  readonly failure: string | null;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly deleteAfter: string | null;
  readonly oldCopyDeletedAt: string | null;
  readonly oldCopyDeleted: Readonly<Record<string, number>> | null;
  readonly cancelRequestedAt: string | null;
  readonly canceledBy: string | null;
  readonly updatedAt: string;
}

export function toPlacementMoveView(move: PlacementMove): PlacementMoveView {
  const iso = (date: Date | null) => (date === null ? null : new Date(date).toISOString());
  return {
    id: move._id.toHexString(),
    tenantId: move.tenantId.toHexString(),
    from: move.from,
    to: move.to,
    state: move.state,
    collections: { ...move.collections },
    catchUpPasses: move.catchUpPasses,
    freezeAttempts: move.freezeAttempts,
    verification: move.verification.map((result) => ({ ...result })),
    timings: move.timings === null ? null : { ...move.timings },
    failure: move.failure,
    requestedBy: move.requestedBy,
    requestedAt: new Date(move.createdAt).toISOString(),
    startedAt: iso(move.startedAt),
    finishedAt: iso(move.finishedAt),
    deleteAfter: iso(move.deleteAfter),
    oldCopyDeletedAt: iso(move.oldCopyDeletedAt),
    oldCopyDeleted: move.oldCopyDeleted === null ? null : { ...move.oldCopyDeleted },
    cancelRequestedAt: iso(move.cancelRequestedAt ?? null),
    canceledBy: move.canceledBy ?? null,
    updatedAt: new Date(move.updatedAt).toISOString(),
  };
}
