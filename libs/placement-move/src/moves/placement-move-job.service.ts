import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { tenantOwnedCollectionNames } from '@tenantpay/data-isolation';
import { MoveWriteRegistry, PlacementConnections } from '@tenantpay/placement';
import { APP_CONFIG, type AppConfig } from '@tenantpay/platform';
import { TenantAdminService, TenantContextService, TenantPlacementMarker } from '@tenantpay/tenancy';
import type { Queue } from 'bullmq';
import { deleteTenantCopy } from '../delete-tenant-copy';
import { settleInterruptedMove } from '../settle-interrupted-move';
import { SwitchOutcomeUnknownError } from '../switch-outcome-unknown.error';
import type { TenantCopyScope } from '../tenant-copy-scope';
import type { TenantMovePorts } from '../tenant-move-ports';
import type { TenantMoveProgress } from '../tenant-move-progress';
import { TenantMoveRunner } from '../tenant-move-runner';
import type { TenantMoveSettings } from '../tenant-move-settings';
import { TenantMoveState } from '../tenant-move-state.enum';
import type { PlacementMove } from './placement-move';
import {
  PLACEMENT_MOVE_DELETE_OLD_COPY_JOB,
  PLACEMENT_MOVE_PLATFORM_REASON,
  PLACEMENT_MOVE_QUEUE,
  PLACEMENT_MOVE_RUN_JOB,
  placementMoveJobIds,
} from './placement-move.constant';
import { PlacementMoveAuditService } from './placement-move-audit.service';
import { PlacementMoveHeldError } from './placement-move-held.error';
import type { PlacementMoveJobData } from './placement-move-job-data';
import { PlacementMoveLeaseLostError } from './placement-move-lease-lost.error';
import { PlacementMovesRepository } from './placement-moves.repository';
import { HeldPlacementMoveLease } from './held-placement-move-lease';

const HOUR_MS = 60 * 60 * 1000;
type Settled = TenantMoveState.Switched | TenantMoveState.Failed | TenantMoveState.Canceled;

/** The states a worker leaves behind when it dies mid-move: the move must be settled, not resumed. */
const INTERRUPTED = new Set<TenantMoveState>([
  TenantMoveState.Preparing,
  TenantMoveState.Copying,
  TenantMoveState.CatchingUp,
  TenantMoveState.Frozen,
  TenantMoveState.Verifying,
]);

/**
 * The worker's side of a move (the move queue's jobs):
 *
 * - run: take the move's lease (one worker at a time; renewed while it runs), open the move's Redis state,
 *   flag the tenant moving (every instance's tenant cache is told over the invalidation channel), wait
 *   PLACEMENT_MOVE_CACHE_STALENESS_MS so every instance's in-process cache has seen it, then TenantMoveRunner
 *   with this application's ports. Afterwards the flag is cleared and, once every cache has seen that too, the
 *   Redis state is closed; a switched move queues the deletion of its old copy after the retention period.
 * - an operator's cancel (PlacementMovesService.cancel marks the record) is seen before anything is touched or by
 *   the runner between steps, and committed against just before the switch (`commitSwitch`): the move ends
 *   canceled, thawed, the target copy deleted.
 * - a run that finds the move interrupted (its worker died: the lease ran out mid-move) settles it with
 *   settleInterruptedMove, from the tenant document's placement: switched if the switch happened, else failed
 *   with the target copy deleted. Never resumed half-way, never two at once.
 * - delete the old copy: once the retention period is over, the tenant's documents on the move's source.
 *
 * Everything the mover sends to MongoDB runs in the audited platform scope: copying indexes is a schema
 * command, which the command wall never lets a tenant context send; each phase is on the tenant's audit trail.
 */
@Injectable()
export class PlacementMoveJobService {
  private readonly logger = new Logger(PlacementMoveJobService.name);
  private readonly owner = `${hostname()}:${process.pid}:${randomUUID()}`;
  private readonly settings: TenantMoveSettings;

  constructor(
    private readonly moves: PlacementMovesRepository,
    private readonly audit: PlacementMoveAuditService,
    private readonly tenantAdmin: TenantAdminService,
    private readonly marker: TenantPlacementMarker,
    private readonly registry: MoveWriteRegistry,
    private readonly placements: PlacementConnections,
    private readonly context: TenantContextService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(PLACEMENT_MOVE_QUEUE) private readonly queue: Queue<PlacementMoveJobData>,
  ) {
    const { maxFreezeMs, clockSkewMs, freezeThreshold, maxCatchUpPasses, freezeAttempts } =
      config.placementMove;
    this.settings = { maxFreezeMs, clockSkewMs, freezeThreshold, maxCatchUpPasses, freezeAttempts };
  }

  /** One job of the move queue, by name. */
  async process(name: string, data: PlacementMoveJobData): Promise<void> {
    if (name === PLACEMENT_MOVE_RUN_JOB) return this.run(data.moveId);
    if (name === PLACEMENT_MOVE_DELETE_OLD_COPY_JOB) return this.deleteOldCopy(data.moveId);
    throw new Error(`Unknown placement move job ${name}`);
  }

  async run(moveId: string): Promise<void> {
    const found = await this.moves.find(moveId);
    if (found === null || found.finishedAt !== null) return;
    const move = await this.moves.claim(found._id, this.owner, new Date());
    if (move === null) throw new PlacementMoveHeldError(moveId);
    const lease = new HeldPlacementMoveLease(move, this.owner, this.moves, this.placements);
    try {
      let outcome: Settled;
      if (move.state === TenantMoveState.Requested) outcome = await this.execute(move, lease);
      else if (INTERRUPTED.has(move.state)) outcome = await this.settle(move, lease, 'interrupted');
      else
        outcome =
          move.state === TenantMoveState.Switched || move.state === TenantMoveState.Canceled
            ? move.state
            : TenantMoveState.Failed;
      await this.finish(move, outcome, lease);
    } catch (error) {
      if (error instanceof PlacementMoveLeaseLostError) {
        this.logger.warn({ moveId }, 'Placement move taken over by another worker; this one stops');
        return;
      }
      throw error;
    } finally {
      lease.release();
    }
  }

  /** After the retention period: deletes the tenant's documents on the move's source (audited once). */
  async deleteOldCopy(moveId: string): Promise<void> {
    const move = await this.moves.find(moveId);
    if (move === null || move.state !== TenantMoveState.Switched || move.closedAt !== null) return;
    const tenantId = move.tenantId.toHexString();
    // One open move per tenant means nothing can have brought the tenant back; checked anyway, because this is
    // the one step that deletes data for good.
    if ((await this.tenantAdmin.get(tenantId)).placement === move.from) {
      this.logger.error({ moveId, tenantId }, 'Old copy not deleted: the tenant is on that placement');
      await this.audit.record(move, TenantMoveState.Cleaned, {
        outcome: 'failure',
        metadata: { failure: `the tenant is on "${move.from}" again: that copy is live` },
      });
      return;
    }
    const source = await this.placements.connectionFor(move.from);
    const deleted = await this.context.runAsPlatform(PLACEMENT_MOVE_PLATFORM_REASON, () =>
      deleteTenantCopy(source, move.tenantId, tenantOwnedCollectionNames()),
    );
    if (await this.moves.markCleaned(move._id, deleted, new Date()))
      await this.audit.record(move, TenantMoveState.Cleaned, { metadata: { deleted } });
  }

  private async execute(move: PlacementMove, lease: HeldPlacementMoveLease): Promise<Settled> {
    const tenantId = move.tenantId.toHexString();
    if (move.cancelRequestedAt) return this.recordCanceledBeforeStart(move);
    await this.moves.markStarted(move._id, this.owner, new Date());
    await this.audit.record(move, TenantMoveState.Preparing);
    // Redis first: an instance that sees the flag asks the move's state, which must exist by then.
    await this.registry.open(tenantId, move._id.toHexString(), move.from);
    await this.marker.setMoving(tenantId, true);
    await sleep(this.config.placementMove.cacheStalenessMs);
    lease.assertHeld();
    const runner = new TenantMoveRunner(
      await this.scope(move),
      move.to,
      this.settings,
      this.ports(move, lease),
    );
    try {
      const progress = await this.context.runAsPlatform(PLACEMENT_MOVE_PLATFORM_REASON, () => runner.run());
      lease.assertHeld();
      return progress.state === TenantMoveState.Switched ? progress.state : TenantMoveState.Failed;
    } catch (error) {
      lease.assertHeld();
      if (!(error instanceof SwitchOutcomeUnknownError)) throw error;
      this.logger.error({ err: error, moveId: move._id.toHexString() }, 'Placement switch outcome unknown');
      return this.settle(move, lease, 'the outcome of the switch was unknown');
    }
  }

  /** Canceled after a worker took the move up but before it touched anything: closed as it is. */
  private async recordCanceledBeforeStart(move: PlacementMove): Promise<Settled> {
    const failure = 'Canceled by an operator before the move started; nothing was touched.';
    if (!(await this.moves.recordSettled(move._id, this.owner, TenantMoveState.Canceled, failure)))
      throw new PlacementMoveLeaseLostError(move._id.toHexString());
    await this.audit.record(move, TenantMoveState.Canceled, { metadata: { failure } });
    return TenantMoveState.Canceled;
  }

  /**
   * The tenant document's placement decides: switched if the switch happened, else failed (target copy
   * deleted), or canceled when an operator had asked for that.
   */
  private async settle(move: PlacementMove, lease: HeldPlacementMoveLease, why: string): Promise<Settled> {
    const current = (await this.tenantAdmin.get(move.tenantId.toHexString())).placement;
    const scope = await this.scope(move);
    lease.assertHeld();
    const settled = await this.context.runAsPlatform(PLACEMENT_MOVE_PLATFORM_REASON, () =>
      settleInterruptedMove(scope, this.registry, { current, target: move.to }),
    );
    const state =
      settled === TenantMoveState.Failed && move.cancelRequestedAt ? TenantMoveState.Canceled : settled;
    const failure =
      state === TenantMoveState.Switched
        ? null
        : `The move was settled on its source (${why}); the target's copy was deleted.`;
    if (!(await this.moves.recordSettled(move._id, this.owner, state, failure)))
      throw new PlacementMoveLeaseLostError(move._id.toHexString());
    await this.audit.record(move, state, {
      outcome: state === TenantMoveState.Failed ? 'failure' : 'success',
      metadata: { settled: why, ...(failure === null ? {} : { failure }) },
    });
    return state;
  }

  /**
   * The flag is cleared first, and the Redis state kept until every instance has seen that: an instance still
   * believing the tenant moving keeps asking Redis, which keeps answering (and refusing a write to the wrong
   * placement) until it is closed. Repeating this after a crash is harmless.
   */
  private async finish(move: PlacementMove, outcome: Settled, lease: HeldPlacementMoveLease): Promise<void> {
    const tenantId = move.tenantId.toHexString();
    await this.marker.setMoving(tenantId, false);
    await sleep(this.config.placementMove.cacheStalenessMs);
    lease.assertHeld();
    await this.registry.close(tenantId);
    const now = new Date();
    if (outcome !== TenantMoveState.Switched) {
      await this.moves.markFinished(move._id, now, null);
      return;
    }
    const retentionMs = this.config.placementMove.retentionHours * HOUR_MS;
    const moveId = move._id.toHexString();
    await this.queue.add(
      PLACEMENT_MOVE_DELETE_OLD_COPY_JOB,
      { moveId },
      {
        jobId: placementMoveJobIds.deleteOldCopy(moveId),
        delay: retentionMs,
        attempts: 5,
        backoff: { type: 'exponential', delay: 60_000 },
      },
    );
    await this.moves.markFinished(move._id, now, new Date(now.getTime() + retentionMs));
  }

  private ports(move: PlacementMove, lease: HeldPlacementMoveLease): TenantMovePorts {
    const tenantId = move.tenantId.toHexString();
    let recorded: TenantMoveState = TenantMoveState.Preparing;
    return {
      freeze: this.registry,
      cancelRequested: () => this.moves.isCancelRequested(move._id),
      commitSwitch: async () => {
        lease.assertHeld();
        if (await this.moves.markSwitching(move._id, this.owner, new Date())) return true;
        if (await this.moves.isCancelRequested(move._id)) return false;
        throw new PlacementMoveLeaseLostError(move._id.toHexString());
      },
      switchPlacement: async () => {
        lease.assertHeld();
        if (!(await this.marker.switchPlacement(tenantId, move.from, move.to)))
          throw new Error(`The tenant is no longer on "${move.from}" and flagged moving`);
      },
      record: async (progress: TenantMoveProgress) => {
        lease.assertHeld();
        if (!(await this.moves.recordProgress(move._id, this.owner, progress)))
          throw new PlacementMoveLeaseLostError(move._id.toHexString());
        if (progress.state === recorded) return;
        recorded = progress.state;
        await this.audit.record(move, progress.state, {
          outcome: progress.state === TenantMoveState.Failed ? 'failure' : 'success',
          metadata: auditedProgress(progress),
        });
      },
      sleep: (ms) => sleep(ms),
    };
  }

  private async scope(move: PlacementMove): Promise<TenantCopyScope> {
    return {
      source: await this.placements.connectionFor(move.from),
      target: await this.placements.connectionFor(move.to),
      tenantId: move.tenantId,
      collections: tenantOwnedCollectionNames(),
      batchSize: this.config.placementMove.batchSize,
    };
  }
}

/** What each phase's audit event says: the counts so far; verification and timings once there are any. */
function auditedProgress(progress: TenantMoveProgress): Record<string, unknown> {
  const totals = Object.values(progress.collections).reduce(
    (sum, c) => ({
      copied: sum.copied + c.copied,
      caughtUp: sum.caughtUp + c.caughtUp,
      removed: sum.removed + c.removed,
    }),
    { copied: 0, caughtUp: 0, removed: 0 },
  );
  return {
    ...totals,
    catchUpPasses: progress.catchUpPasses,
    freezeAttempts: progress.freezeAttempts,
    timings: progress.timings,
    ...(progress.verification.length === 0
      ? {}
      : {
          verified: progress.verification.every((result) => result.matches),
          mismatched: progress.verification.filter((r) => !r.matches).map(({ collection }) => collection),
        }),
    ...(progress.failure === undefined ? {} : { failure: progress.failure }),
  };
}
