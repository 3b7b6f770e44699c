/** Where a move is; every change of state is recorded and audited. */
export enum TenantMoveState {
  Copying = 'copying',
  CatchingUp = 'catching_up',
  Frozen = 'frozen',
  Verifying = 'verifying',
  Switched = 'switched',
  Failed = 'failed',
  /** The old copy on the source was deleted after the retention period. */
  Cleaned = 'cleaned',
}
