import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@tenantpay/platform';
import { type Model, Types } from 'mongoose';
import type { TenantMoveProgress } from '../tenant-move-progress';
import { TenantMoveState } from '../tenant-move-state.enum';
import type { PlacementMove } from './placement-move';
import { PLACEMENT_MOVE_LEASE_MS, PLACEMENT_MOVE_MODEL } from './placement-move.constant';

const OBJECT_ID = /^[0-9a-f]{24}$/;

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

  /** A move settled after an interruption (no runner report to keep: the state and why). */
  async recordSettled(
    moveId: Types.ObjectId,
    owner: string,
    state: TenantMoveState.Switched | TenantMoveState.Failed,
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
