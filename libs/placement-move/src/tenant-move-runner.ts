import type { HardDeletion } from '@tenantpay/placement';

import {
  catchUpTenantCollection,
  type TenantCounts,
  type UnrecordedDeleteSearch,
} from './catch-up-tenant-collection';
import { compareTenantDocuments, type DocumentComparison } from './compare-tenant-documents';
import type { CollectionVerification } from './collection-verification';
import { copyCollectionIndexes } from './copy-collection-indexes';
import { copyTenantDocuments } from './copy-tenant-documents';
import { deleteTenantCopy } from './delete-tenant-copy';
import { assertChangedSinceIndex } from './changed-since-index';
import { FreezeBoundExceededError } from './freeze-bound-exceeded.error';
import { MoveCanceledError } from './move-canceled.error';
import { MoveDeadline } from './move-deadline';
import { SwitchOutcomeUnknownError } from './switch-outcome-unknown.error';
import type { TenantCopyScope } from './tenant-copy-scope';
import type { TenantMovePorts } from './tenant-move-ports';
import type { CollectionMoveProgress, TenantMoveProgress } from './tenant-move-progress';
import type { TenantMoveSettings } from './tenant-move-settings';
import { TenantMoveState } from './tenant-move-state.enum';

const MISMATCH = 'verification found differing copies';
const CANCELED = 'Canceled by an operator before the switch; the target copy was deleted.';
const LEDGER_LOST =
  "the move's Redis state was lost: the hard deletes recorded during the move can no longer be trusted";

/**
 * Runs one move from its first copy to its switch, for a tenant the caller has already marked moving (tenant
 * document flag, move state opened in Redis, cache-staleness wait done):
 *
 * 1. copying — every collection's indexes (the source must have the declared `{ tenantId, updatedAt }` index,
 *    see assertChangedSinceIndex), then its documents, while the tenant keeps writing;
 * 2. catching_up — passes over what changed since the previous pass (documents written since, hard deletes
 *    recorded since), until one changes at most `freezeThreshold` documents (or `maxCatchUpPasses` were made);
 * 3. verifying — still writable: every document compared with its copy one by one; a difference in a document
 *    written since the catch-up's last pass began is deferred (it is still being caught up), any other fails
 *    the move. Then pass and comparison of what was written meanwhile, until a pass is small again;
 * 4. frozen — writes refused; wait for the writes already admitted; a final pass; then only what was written
 *    since the last comparison is compared, every difference now a mismatch. None → the switch, then writes
 *    resume on the target. All of 4 must fit `maxFreezeMs`: a freeze that would overrun it thaws, makes another
 *    unfrozen pass and comparison and tries again, up to `freezeAttempts` times.
 *
 * Why 4 suffices, with work proportional to the writes since the last pass, not to the tenant (no count, no
 * scan): after the final pass the target holds exactly the source's documents, each equal to it.
 * - Every source document is on the target, equal: one not written since the last comparison was found equal by
 *   it and has not changed on either side since (a write stamps `updatedAt`; the target changes only by the
 *   move's passes, which copy the source's current version); every one written since is compared while frozen
 *   (the final pass having copied it).
 * - The target holds nothing the source deleted. A soft delete is an update (above). A hard delete through the
 *   repository (`deleteOnePermanently`, its only one) records the id in the move's ledger before deleting, or is
 *   refused (AdmittedWrite.recordDeletions); the final pass reads the ledger after every admitted write has
 *   landed or lost its lease, so it names every document hard-deleted since the move opened, and the pass
 *   removes from the target those the source no longer holds (removeRecordedDeletions). A ledger Redis lost is
 *   detected (the move's state goes with it) and fails the move. The one delete nobody records is the server's
 *   own, a TTL index's expiry, and it is idempotent on the target: the target has the same TTL indexes (copied
 *   before any document), so a document the source's monitor removed is past its date on the target too and
 *   the target's monitor removes it, exactly as the source's monitor may leave an expired document for a while.
 *   That needs the target's version to carry the source's date: a document written after the last pass that
 *   copied it and expired before the final pass would have to be written with a TTL date already past, and the
 *   tenant-owned TTL dates are set a retention period ahead (idempotency records' TTL, ended credentials'
 *   retention, the payment outbox's 7 days). Unfrozen passes also count both sides and merge the id sets when
 *   the target holds more, which catches deletes nobody recorded (a raw driver call) until the last of them.
 * It assumes what the catch-up already assumes: every write stamps `updatedAt` within `clockSkewMs` of becoming
 * visible (the tenant-owned schemas' timestamps do; the write gate drains writes before the final pass).
 *
 * Any failure before the switch, or an operator's cancel (asked between steps and between the copy's batches,
 * and committed against once, just before the switch), thaws the tenant and deletes the target's partial copy:
 * the tenant stays on its source with nothing lost. A failed switch is the one exception (its outcome is
 * unknown, so neither copy may be touched): it is rethrown, frozen, for the job to settle by reading the
 * tenant's placement.
 */
export class TenantMoveRunner {
  private readonly collections: Record<string, CollectionMoveProgress> = {};
  private catchUpPasses = 0;
  private freezeAttempts = 0;
  private verification: CollectionVerification[] = [];
  /** Documents compared before the freeze, per collection. */
  private readonly comparedBeforeFreeze: Record<string, number> = {};
  /** Each collection's counts after the latest unfrozen catch-up pass. */
  private readonly counts: Record<string, TenantCounts> = {};
  /** Every document not written since then was found equal to its copy (undefined: none compared yet). */
  private comparedSince: Date | undefined;
  private readonly startedAt: number;
  private copyMs = 0;
  private catchUpMs = 0;
  private verifyMs = 0;
  private freezeMs = 0;

  constructor(
    private readonly scope: TenantCopyScope,
    private readonly target: string,
    private readonly settings: TenantMoveSettings,
    private readonly ports: TenantMovePorts,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
    for (const name of scope.collections)
      this.collections[name] = { indexes: 0, copied: 0, caughtUp: 0, removed: 0 };
  }

  async run(): Promise<TenantMoveProgress> {
    const tenantId = this.scope.tenantId.toHexString();
    try {
      const caughtUp = await this.catchUp(await this.copy());
      await this.report(TenantMoveState.Verifying);
      if (!(await this.compareBeforeFreeze(caughtUp))) return await this.fail(tenantId, MISMATCH);
      let since = await this.catchUpAndCompare(caughtUp);
      if (since === undefined) return await this.fail(tenantId, MISMATCH);
      for (;;) {
        await this.stopIfCanceled();
        const outcome = await this.attemptFreeze(tenantId, since);
        if (outcome === 'switched') return await this.report(TenantMoveState.Switched);
        if (outcome === 'canceled') return await this.stop(tenantId, TenantMoveState.Canceled, CANCELED);
        if (outcome === 'mismatch') return await this.fail(tenantId, MISMATCH);
        if (this.freezeAttempts >= this.settings.freezeAttempts)
          return await this.fail(
            tenantId,
            `the final pass did not fit the ${this.settings.maxFreezeMs} ms freeze bound in ${this.freezeAttempts} attempts`,
          );
        const next = await this.catchUpPass(since);
        if (!(await this.compareBeforeFreeze(next))) return await this.fail(tenantId, MISMATCH);
        since = next;
      }
    } catch (error) {
      if (error instanceof SwitchOutcomeUnknownError) throw error;
      if (error instanceof MoveCanceledError) return this.stop(tenantId, TenantMoveState.Canceled, CANCELED);
      return this.fail(tenantId, error instanceof Error ? error.message : String(error));
    }
  }

  private async stopIfCanceled(): Promise<void> {
    if (await this.ports.cancelRequested()) throw new MoveCanceledError();
  }

  /** Indexes first, then documents; returns where the first catch-up pass starts reading. */
  private async copy(): Promise<Date> {
    await this.report(TenantMoveState.Copying);
    const started = this.now();
    const since = this.passStart(started);
    for (const collection of this.scope.collections) {
      await assertChangedSinceIndex(this.scope.source, collection);
      const indexes = await copyCollectionIndexes(this.scope.source, this.scope.target, collection);
      this.update(collection, { indexes: indexes.length });
    }
    for (const collection of this.scope.collections) {
      const copied = await copyTenantDocuments(this.scope, collection, undefined, MoveDeadline.none, () =>
        this.stopIfCanceled(),
      );
      this.update(collection, { copied });
    }
    this.copyMs = this.now() - started;
    return since;
  }

  private async catchUp(since: Date): Promise<Date> {
    await this.report(TenantMoveState.CatchingUp);
    let next = since;
    for (;;) {
      await this.stopIfCanceled();
      const before = this.changedDocuments();
      next = await this.catchUpPass(next);
      const delta = this.changedDocuments() - before;
      if (delta <= this.settings.freezeThreshold || this.catchUpPasses >= this.settings.maxCatchUpPasses)
        return next;
    }
  }

  /**
   * After the whole-tenant comparison (which takes as long as the tenant is large, writes going on), passes and
   * comparisons of what was written meanwhile until a pass is small again, so the freeze compares little.
   * Returns where the next pass starts reading; undefined if a comparison found differing copies.
   */
  private async catchUpAndCompare(since: Date): Promise<Date | undefined> {
    let next = since;
    for (;;) {
      await this.stopIfCanceled();
      const before = this.changedDocuments();
      next = await this.catchUpPass(next);
      if (!(await this.compareBeforeFreeze(next))) return undefined;
      const delta = this.changedDocuments() - before;
      if (delta <= this.settings.freezeThreshold || this.catchUpPasses >= this.settings.maxCatchUpPasses)
        return next;
    }
  }

  /**
   * One unfrozen comparison: every document the first time, then those written since the previous comparison.
   * `caughtUpBefore` is where the catch-up's next pass starts reading: what was written before it is on the
   * target, so only a document written since may differ without the copies being wrong. False on a mismatch.
   */
  private async compareBeforeFreeze(caughtUpBefore: Date): Promise<boolean> {
    const started = this.now();
    const comparisons: Record<string, DocumentComparison> = {};
    for (const name of this.scope.collections) {
      await this.stopIfCanceled();
      const comparison = await compareTenantDocuments(this.scope, name, {
        ...(this.comparedSince === undefined ? {} : { since: this.comparedSince }),
        deferFrom: caughtUpBefore,
      });
      comparisons[name] = comparison;
      this.comparedBeforeFreeze[name] = (this.comparedBeforeFreeze[name] ?? 0) + comparison.compared;
    }
    this.verifyMs += this.now() - started;
    this.comparedSince = caughtUpBefore;
    this.verification = this.verificationOf(comparisons, false);
    const matches = this.verification.every((result) => result.matches);
    if (matches) this.verification = [];
    return matches;
  }

  private async catchUpPass(
    since: Date,
    deadline: MoveDeadline = MoveDeadline.none,
    unrecordedDeletes: UnrecordedDeleteSearch = 'when-target-holds-more',
  ): Promise<Date> {
    const started = this.now();
    const next = this.passStart(started);
    const tenantId = this.scope.tenantId.toHexString();
    const recorded = await this.ports.freeze.recordedDeletions(tenantId);
    if (recorded === undefined) throw new Error(LEDGER_LOST);
    for (const name of this.scope.collections) {
      const ids = recorded
        .filter((deletion) => deletion.collectionName === name)
        .map((deletion) => deletion.id);
      const delta = await catchUpTenantCollection(this.scope, name, since, ids, deadline, unrecordedDeletes);
      await this.ports.freeze.forgetDeletions(tenantId, madeOn(name, delta.madeDeletions));
      if (delta.counts !== undefined) this.counts[name] = delta.counts;
      const progress = this.collections[name];
      this.update(name, {
        caughtUp: (progress?.caughtUp ?? 0) + delta.copied,
        removed: (progress?.removed ?? 0) + delta.removed,
      });
    }
    this.catchUpPasses += 1;
    this.catchUpMs += this.now() - started;
    return next;
  }

  /**
   * `overran`: the bound was reached (thawed, left to an unfrozen pass and another attempt); `canceled`: an
   * operator's cancel came before the commitment to switch (thawed).
   */
  private async attemptFreeze(
    tenantId: string,
    since: Date,
  ): Promise<'switched' | 'mismatch' | 'overran' | 'canceled'> {
    this.freezeAttempts += 1;
    const started = this.now();
    const deadline = MoveDeadline.after(this.settings.maxFreezeMs, started);
    await this.ports.freeze.freeze(tenantId);
    await this.report(TenantMoveState.Frozen);
    try {
      await this.drainWrites(tenantId, deadline);
      await this.catchUpPass(since, deadline, 'never');
      const comparisons: Record<string, DocumentComparison> = {};
      for (const name of this.scope.collections)
        comparisons[name] = await compareTenantDocuments(
          this.scope,
          name,
          this.comparedSince === undefined ? {} : { since: this.comparedSince },
          deadline,
        );
      this.verification = this.verificationOf(comparisons, true);
      if (this.verification.some((result) => !result.matches)) {
        await this.thaw(tenantId, started);
        return 'mismatch';
      }
      deadline.check();
      if (!(await this.ports.commitSwitch())) {
        await this.thaw(tenantId, started);
        return 'canceled';
      }
    } catch (error) {
      await this.thaw(tenantId, started);
      if (error instanceof FreezeBoundExceededError) return 'overran';
      throw error;
    }
    try {
      await this.ports.switchPlacement();
    } catch (error) {
      throw new SwitchOutcomeUnknownError(error);
    }
    await this.ports.freeze.switchTo(tenantId, this.target);
    this.freezeMs += this.now() - started;
    return 'switched';
  }

  /** Waits until every write admitted before the freeze has landed or had its lease, within the freeze's deadline. */
  private async drainWrites(tenantId: string, deadline: MoveDeadline): Promise<void> {
    for (;;) {
      const left = await this.ports.freeze.longestLeaseLeftMs(tenantId);
      if (left <= 0) return;
      deadline.check(this.now() + left);
      await this.ports.sleep(left);
    }
  }

  private async thaw(tenantId: string, frozenAt: number): Promise<void> {
    await this.ports.freeze.thaw(tenantId);
    this.freezeMs += this.now() - frozenAt;
  }

  private fail(tenantId: string, reason: string): Promise<TenantMoveProgress> {
    return this.stop(tenantId, TenantMoveState.Failed, reason);
  }

  /** Before the switch, whatever the reason: thawed, the target's copy deleted, the tenant on its source. */
  private async stop(
    tenantId: string,
    state: TenantMoveState.Failed | TenantMoveState.Canceled,
    reason: string,
  ): Promise<TenantMoveProgress> {
    await this.ports.freeze.thaw(tenantId);
    await deleteTenantCopy(this.scope.target, this.scope.tenantId, this.scope.collections);
    return this.report(state, reason);
  }

  /** Each collection's verdict: its comparison found no mismatch (see the class comment for why that suffices). */
  private verificationOf(
    comparisons: Readonly<Record<string, DocumentComparison>>,
    frozen: boolean,
  ): CollectionVerification[] {
    return this.scope.collections.map((name) => {
      const comparison = comparisons[name];
      const counts = this.counts[name];
      const sourceCount = counts?.sourceCount ?? 0;
      const targetCount = counts?.targetCount ?? 0;
      return {
        collection: name,
        sourceCount,
        targetCount,
        sourceChecksum: comparison?.sourceChecksum ?? '',
        targetChecksum: comparison?.targetChecksum ?? '',
        comparedBeforeFreeze: this.comparedBeforeFreeze[name] ?? 0,
        comparedWhileFrozen: frozen ? (comparison?.compared ?? 0) : 0,
        matches: comparison?.mismatched === 0,
      };
    });
  }

  private passStart(at: number): Date {
    return new Date(at - this.settings.clockSkewMs);
  }

  private changedDocuments(): number {
    return Object.values(this.collections).reduce((sum, p) => sum + p.caughtUp + p.removed, 0);
  }

  private update(name: string, change: Partial<CollectionMoveProgress>): void {
    const current = this.collections[name] ?? { indexes: 0, copied: 0, caughtUp: 0, removed: 0 };
    this.collections[name] = { ...current, ...change };
  }

  private async report(state: TenantMoveState, failure?: string): Promise<TenantMoveProgress> {
    const progress: TenantMoveProgress = {
      state,
      collections: { ...this.collections },
      catchUpPasses: this.catchUpPasses,
      freezeAttempts: this.freezeAttempts,
      verification: [...this.verification],
      timings: {
        copyMs: this.copyMs,
        catchUpMs: this.catchUpMs,
        verifyMs: this.verifyMs,
        freezeMs: this.freezeMs,
        totalMs: this.now() - this.startedAt,
      },
      ...(failure === undefined ? {} : { failure }),
    };
    await this.ports.record(progress);
    return progress;
  }
}

function madeOn(collectionName: string, ids: readonly unknown[]): HardDeletion[] {
  return ids.map((id) => ({ collectionName, id }));
}
