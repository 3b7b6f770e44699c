import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@tenantpay/platform';
import { type Model, Types } from 'mongoose';
import type { TenantMoveProgress } from '../tenant-move-progress';
import { TenantMoveState } from '../tenant-move-state.enum';
import type { PlacementMove } from './placement-move';
import { PLACEMENT_MOVE_LEASE_MS, PLACEMENT_MOVE_MODEL } from './placement-move.constant';

const OBJECT_ID = /^[0-9a-f]{24}$/;
/** The states of a move whose worker may still be stopped by a cancel (checked with `switchingAt`). */
const RUNNING: readonly TenantMoveState[] = [
  TenantMoveState.Requested,
  TenantMoveState.Preparing,
  TenantMoveState.Copying,
  TenantMoveState.CatchingUp,
  TenantMoveState.Verifying,
  TenantMoveState.Frozen,
];
const CANCELED_BEFORE_START = 'Canceled by an operator before a worker took it up; nothing was touched.';

export interface NewPlacementMove {
  readonly tenantId: string;
  readonly from: string;
  readonly to: string;
  readonly requestedBy: string;
}

/**
 * The platform's `placement_moves` collection: each move's record (progress, verification, timings) and the
 * lease that keeps two workers from running one move at once.
 */
@Injectable()
export class PlacementMovesRepository {
  constructor(@InjectModel(PLACEMENT_MOVE_MODEL) private readonly model: Model<PlacementMove>) {}

  /** Null when the tenant already has an open move (the unique index on open moves refused the insert). */
  async create(move: NewPlacementMove): Promise<PlacementMove | null> {
    try {
      const created = await this.model.create({
        tenantId: new Types.ObjectId(move.tenantId),
        from: move.from,
        to: move.to,
        state: TenantMoveState.Requested,
        requestedBy: move.requestedBy,
      });
      return created.toObject<PlacementMove>();
    } catch (error) {
      if (isDuplicateKeyError(error)) return null;
      throw error;
    }
  }

  findOpen(tenantId: string): Promise<PlacementMove | null> {
    return this.model
      .findOne({ tenantId: new Types.ObjectId(tenantId), closedAt: null })
      .lean<PlacementMove>()
      .exec();
  }

  async find(moveId: string): Promise<PlacementMove | null> {
    if (!OBJECT_ID.test(moveId)) return null;
    return this.model.findById(moveId).lean<PlacementMove>().exec();
  }

  /** The tenant's moves, newest first; one more than `limit` is fetched to tell whether more follow. */
  listForTenant(tenantId: string, limit: number, startingAfter?: string): Promise<PlacementMove[]> {
    return this.model
      .find({
        tenantId: new Types.ObjectId(tenantId),
        ...(startingAfter === undefined ? {} : { _id: { $lt: new Types.ObjectId(startingAfter) } }),
      })
      .sort({ _id: -1 })
      .limit(limit + 1)
      .lean<PlacementMove[]>()
      .exec();
  }

  /** Switched moves whose old copy is past its deletion time and not deleted yet (oldest first). */
  findDueForDeletion(now: Date): Promise<PlacementMove[]> {
    return this.model
      .find({ state: TenantMoveState.Switched, closedAt: null, deleteAfter: { $lte: now } })
      .sort({ deleteAfter: 1 })
      .lean<PlacementMove[]>()
      .exec();
  }

  /** Takes the move for `owner` unless another worker's lease is still running; null when it is. */
  claim(moveId: Types.ObjectId, owner: string, now: Date): Promise<PlacementMove | null> {
    return this.model
      .findOneAndUpdate(
        {
          _id: moveId,
          finishedAt: null,
          $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }, { leaseOwner: owner }],
        },
        {
          $set: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + PLACEMENT_MOVE_LEASE_MS) },
        },
        { returnDocument: 'after' },
      )
      .lean<PlacementMove>()
      .exec();
  }

  /** Extends `owner`'s lease; false when it is no longer theirs (another worker took the move over). */
  async renew(moveId: Types.ObjectId, owner: string, now: Date): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: moveId, leaseOwner: owner },
      { $set: { leaseUntil: new Date(now.getTime() + PLACEMENT_MOVE_LEASE_MS) } },
    );
    return result.matchedCount === 1;
  }

  async markStarted(moveId: Types.ObjectId, owner: string, now: Date): Promise<void> {
    await this.model.updateOne(
      { _id: moveId, leaseOwner: owner },
      { $set: { state: TenantMoveState.Preparing, startedAt: now } },
    );
  }

  /** The runner's report; only while `owner` holds the move, so a worker that lost it cannot overwrite it. */
  async recordProgress(
    moveId: Types.ObjectId,
    owner: string,
    progress: TenantMoveProgress,
  ): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: moveId, leaseOwner: owner, finishedAt: null },
      {
        $set: {
          state: progress.state,
          collections: progress.collections,
          catchUpPasses: progress.catchUpPasses,
          freezeAttempts: progress.freezeAttempts,
          verification: progress.verification,
          timings: progress.timings,
          failure: progress.failure ?? null,
        },
      },
    );
    return result.matchedCount === 1;
  }

  /**
   * An operator's cancel. A move no worker has taken up yet is closed at once (nothing was touched): 'closed'.
   * A running one is marked, and its worker stops at its next step: 'marked'. Neither once the worker committed
   * to the switch (`switchingAt`) or the move ended: null, for the caller to tell why from the record.
   */
  async requestCancel(
    moveId: Types.ObjectId,
    canceledBy: string,
    now: Date,
  ): Promise<{ readonly outcome: 'closed' | 'marked'; readonly move: PlacementMove } | null> {
    const cancel = { cancelRequestedAt: now, canceledBy };
    const closed = await this.model
      .findOneAndUpdate(
        { _id: moveId, state: TenantMoveState.Requested, leaseOwner: null, finishedAt: null },
        {
          $set: {
            ...cancel,
            state: TenantMoveState.Canceled,
            failure: CANCELED_BEFORE_START,
            finishedAt: now,
            closedAt: now,
          },
        },
        { returnDocument: 'after' },
      )
      .lean<PlacementMove>()
      .exec();
    if (closed !== null) return { outcome: 'closed', move: closed };
    const marked = await this.model
      .findOneAndUpdate(
        {
          _id: moveId,
          finishedAt: null,
          switchingAt: null,
          cancelRequestedAt: null,
          state: { $in: RUNNING },
        },
        { $set: cancel },
        { returnDocument: 'after' },
      )
      .lean<PlacementMove>()
      .exec();
    return marked === null ? null : { outcome: 'marked', move: marked };
  }

  async isCancelRequested(moveId: Types.ObjectId): Promise<boolean> {
    const move = await this.model
      .findById(moveId, { cancelRequestedAt: 1 })
      .lean<Pick<PlacementMove, 'cancelRequestedAt'>>()
      .exec();
    return Boolean(move?.cancelRequestedAt);
  }

  /**
   * The worker commits to the switch, unless a cancel came first: false then (or when `owner` lost the move).
   * From here on a cancel is refused.
   */
  async markSwitching(moveId: Types.ObjectId, owner: string, now: Date): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: moveId, leaseOwner: owner, finishedAt: null, cancelRequestedAt: null },
      { $set: { switchingAt: now } },
    );
    return result.matchedCount === 1;
  }

  /** A move settled without its runner's report (an interruption, or a cancel before it ran): the state and why. */
  async recordSettled(
    moveId: Types.ObjectId,
    owner: string,
    state: TenantMoveState.Switched | TenantMoveState.Failed | TenantMoveState.Canceled,
    failure: string | null,
  ): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: moveId, leaseOwner: owner, finishedAt: null },
      { $set: { state, failure } },
    );
    return result.matchedCount === 1;
  }

  /** A failed move that could not even be queued: closed at once, nothing was touched. */
  async markNotQueued(moveId: Types.ObjectId, failure: string, now: Date): Promise<void> {
    await this.model.updateOne(
      { _id: moveId, state: TenantMoveState.Requested },
      { $set: { state: TenantMoveState.Failed, failure, finishedAt: now, closedAt: now } },
    );
  }

  /** The move's own work is over; a switched move stays open until its old copy is deleted at `deleteAfter`. */
  async markFinished(moveId: Types.ObjectId, now: Date, deleteAfter: Date | null): Promise<void> {
    await this.model.updateOne(
      { _id: moveId, finishedAt: null },
      {
        $set: {
          finishedAt: now,
          deleteAfter,
          closedAt: deleteAfter === null ? now : null,
          leaseOwner: null,
          leaseUntil: null,
        },
      },
    );
  }

  /** True for the one deletion job that recorded it (a repeated job deletes nothing more and audits nothing). */
  async markCleaned(moveId: Types.ObjectId, deleted: Record<string, number>, now: Date): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: moveId, state: TenantMoveState.Switched, closedAt: null },
      {
        $set: {
          state: TenantMoveState.Cleaned,
          oldCopyDeletedAt: now,
          oldCopyDeleted: deleted,
          closedAt: now,
        },
      },
    );
    return result.modifiedCount === 1;
  }
}
