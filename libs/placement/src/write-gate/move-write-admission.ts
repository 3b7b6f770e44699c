/** What the move's Redis state says of one write of a moving tenant. */
export enum MoveWriteAdmission {
  /** Registered as an in-flight writer; the write may go to the placement it asked about. */
  Admitted = 'admitted',
  /** The final pass is running: no write until the switch or the abort. */
  Frozen = 'frozen',
  /** The writer would write to a placement that is no longer (or not yet) the tenant's: its cache is stale. */
  StalePlacement = 'stale_placement',
  /** No move state in Redis although the tenant is marked moving (lost Redis data): refuse, to be safe. */
  Unknown = 'unknown',
}
