/**
 * The work done while the tenant's writes are frozen did not fit the configured bound: the move unfreezes and
 * fails (the tenant stays on its source) rather than keep the tenant unwritable longer than operators were told.
 */
export class FreezeBoundExceededError extends Error {
  constructor(readonly boundMs: number) {
    super(`The final pass of the move did not fit the ${boundMs} ms write-freeze bound`);
    this.name = new.target.name;
  }
}
