import type { HardDeletion } from '@tenantpay/placement';

import type { TenantMoveProgress } from './tenant-move-progress';

/** The mover's side of the move's Redis state (MoveWriteRegistry): the freeze and the ledger of hard deletes. */
export interface TenantWriteFreeze {
  freeze(tenantId: string): Promise<void>;
  thaw(tenantId: string): Promise<void>;
  longestLeaseLeftMs(tenantId: string): Promise<number>;
  switchTo(tenantId: string, placement: string): Promise<void>;
  /** Hard deletes recorded and not yet forgotten; undefined when Redis lost the move's state (and maybe them). */
  recordedDeletions(tenantId: string): Promise<HardDeletion[] | undefined>;
  forgetDeletions(tenantId: string, deletions: readonly HardDeletion[]): Promise<void>;
}

/** What the application does for the runner: the switch itself, the operator's cancel and the record of each step. */
export interface TenantMovePorts {
  readonly freeze: TenantWriteFreeze;
  /** Whether an operator asked to cancel the move; asked between steps. */
  cancelRequested(): Promise<boolean>;
  /**
   * Commits to the switch unless a cancel came first (false: canceled), atomically with the cancel's own check,
   * so a cancel the operator was told was accepted never meets a switch. Runs frozen, just before the switch.
   */
  commitSwitch(): Promise<boolean>;
  /**
   * Atomically points the tenant at its new placement (one conditional update of the tenant document) and
   * invalidates the tenant's caches on every instance. Runs while the tenant's writes are frozen.
   */
  switchPlacement(): Promise<void>;
  /** Persists and audits the move's progress at every change of state. */
  record(progress: TenantMoveProgress): Promise<void>;
  sleep(ms: number): Promise<void>;
}
