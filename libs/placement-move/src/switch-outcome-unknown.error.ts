/**
 * The switch itself failed: it may or may not have been applied, so neither copy may be deleted and the tenant
 * stays frozen until the job reads the tenant's placement and finishes the switch or fails the move.
 */
export class SwitchOutcomeUnknownError extends Error {
  constructor(cause: unknown) {
    super('The placement switch failed; its outcome is unknown', { cause });
    this.name = new.target.name;
  }
}
