import { catchUpTenantCollection } from './catch-up-tenant-collection';
import type { CollectionVerification } from './collection-verification';
import { copyCollectionIndexes } from './copy-collection-indexes';
import { copyTenantDocuments } from './copy-tenant-documents';
import { deleteTenantCopy } from './delete-tenant-copy';
import { FreezeBoundExceededError } from './freeze-bound-exceeded.error';
import { MoveDeadline } from './move-deadline';
import { SwitchOutcomeUnknownError } from './switch-outcome-unknown.error';
import type { TenantCopyScope } from './tenant-copy-scope';
import type { TenantMovePorts } from './tenant-move-ports';
import type { CollectionMoveProgress, TenantMoveProgress } from './tenant-move-progress';
import type { TenantMoveSettings } from './tenant-move-settings';
import { TenantMoveState } from './tenant-move-state.enum';
import { verifyTenantCollection } from './verify-tenant-collection';

/**
 * Runs one move from its first copy to its switch, for a tenant the caller has already marked moving (tenant
 * document flag, move state opened in Redis, cache-staleness wait done):
 *
 * 1. copying — every collection's indexes, then its documents, while the tenant keeps writing;
 * 2. catching_up — passes over what changed since the previous pass, until one changes at most
 *    `freezeThreshold` documents (or `maxCatchUpPasses` were made);
 * 3. frozen — writes refused; wait for admitted writes' leases; a final catch-up pass; then
 * 4. verifying — counts and checksums of every collection, still frozen; all equal → the switch, then writes
 *    resume on the target. The whole of 3–4 must fit `maxFreezeMs`: a freeze that would overrun it thaws,
 *    makes another unfrozen pass and tries again, up to `freezeAttempts` times.
 *
 * Any failure before the switch thaws the tenant and deletes the target's partial copy: the tenant stays on
 * its source with nothing lost. A failed switch is the one exception (its outcome is unknown, so neither copy
 * may be touched): it is rethrown, frozen, for the job to settle by reading the tenant's placement.
 */
export class TenantMoveRunner {
  private readonly collections: Record<string, CollectionMoveProgress> = {};
  private catchUpPasses = 0;
  private freezeAttempts = 0;
  private verification: CollectionVerification[] = [];
  private readonly startedAt: number;
  private copyMs = 0;
  private catchUpMs = 0;
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
      let since = await this.copy();
      since = await this.catchUp(since);
      for (;;) {
        const outcome = await this.attemptFreeze(tenantId, since);
        if (outcome === 'switched') return await this.report(TenantMoveState.Switched);
        if (outcome === 'mismatch') return await this.fail(tenantId, 'verification found differing copies');
        if (this.freezeAttempts >= this.settings.freezeAttempts)
          return await this.fail(
            tenantId,
            `the final pass did not fit the ${this.settings.maxFreezeMs} ms freeze bound in ${this.freezeAttempts} attempts`,
          );
        since = await this.catchUpPass(since);
      }
    } catch (error) {
      if (error instanceof SwitchOutcomeUnknownError) throw error;
      return this.fail(tenantId, error instanceof Error ? error.message : String(error));
    }
  }

  /** Indexes first, then documents; returns where the first catch-up pass starts reading. */
  private async copy(): Promise<Date> {
    await this.report(TenantMoveState.Copying);
    const started = this.now();
    const since = this.passStart(started);
    for (const collection of this.scope.collections) {
      const indexes = await copyCollectionIndexes(this.scope.source, this.scope.target, collection);
      this.update(collection, { indexes: indexes.length });
    }
    for (const collection of this.scope.collections) {
      const copied = await copyTenantDocuments(this.scope, collection);
      this.update(collection, { copied });
    }
    this.copyMs = this.now() - started;
    return since;
  }

  private async catchUp(since: Date): Promise<Date> {
    await this.report(TenantMoveState.CatchingUp);
    let next = since;
    for (;;) {
      const before = this.changedDocuments();
      next = await this.catchUpPass(next);
      const delta = this.changedDocuments() - before;
      if (delta <= this.settings.freezeThreshold || this.catchUpPasses >= this.settings.maxCatchUpPasses)
        return next;
    }
  }

  private async catchUpPass(since: Date, deadline: MoveDeadline = MoveDeadline.none): Promise<Date> {
    const started = this.now();
    const next = this.passStart(started);
    for (const name of this.scope.collections) {
      const delta = await catchUpTenantCollection(this.scope, name, since, deadline);
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

  private async attemptFreeze(tenantId: string, since: Date): Promise<'switched' | 'mismatch' | 'overran'> {
    this.freezeAttempts += 1;
    const started = this.now();
    const deadline = MoveDeadline.after(this.settings.maxFreezeMs, started);
    await this.ports.freeze.freeze(tenantId);
    await this.report(TenantMoveState.Frozen);
    try {
      await this.drainWrites(tenantId, deadline);
      await this.catchUpPass(since, deadline);
      await this.report(TenantMoveState.Verifying);
      this.verification = [];
      for (const collection of this.scope.collections)
        this.verification.push(await verifyTenantCollection(this.scope, collection, deadline));
      if (this.verification.some((result) => !result.matches)) {
        await this.thaw(tenantId, started);
        return 'mismatch';
      }
      deadline.check();
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

  /** Waits until every write admitted before the freeze has had its lease, within the freeze's deadline. */
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

  private async fail(tenantId: string, reason: string): Promise<TenantMoveProgress> {
    await this.ports.freeze.thaw(tenantId);
    await deleteTenantCopy(this.scope.target, this.scope.tenantId, this.scope.collections);
    return this.report(TenantMoveState.Failed, reason);
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
        freezeMs: this.freezeMs,
        totalMs: this.now() - this.startedAt,
      },
      ...(failure === undefined ? {} : { failure }),
    };
    await this.ports.record(progress);
    return progress;
  }
}
