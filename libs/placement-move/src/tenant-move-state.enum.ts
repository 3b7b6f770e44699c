/** Where a move is; every change of state is recorded and audited. */
export enum TenantMoveState {
  /** Accepted by the API and queued; nothing has been touched yet. */
  Requested = 'requested',
  /** The tenant is flagged moving; the move waits for every instance's tenant cache to see the flag. */
  Preparing = 'preparing',
  Copying = 'copying',
  CatchingUp = 'catching_up',
  Frozen = 'frozen',
  Verifying = 'verifying',
  Switched = 'switched',
  Failed = 'failed',
  /** An operator canceled the move before its switch: the tenant stays on its source, the target copy deleted. */
  Canceled = 'canceled',
  /** The old copy on the source was deleted after the retention period. */
  Cleaned = 'cleaned',
}
