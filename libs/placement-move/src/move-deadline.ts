import { FreezeBoundExceededError } from './freeze-bound-exceeded.error';

/**
 * The end of the write freeze, checked between batches: a pass that reaches it stops before its next batch, so
 * the freeze overruns its bound by at most one batch's round trip, never silently (the caller unfreezes and
 * fails the move). `none` is for passes made while the tenant still writes.
 */
export class MoveDeadline {
  static readonly none = new MoveDeadline(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);

  private constructor(
    private readonly endsAt: number,
    readonly boundMs: number,
  ) {}

  static after(boundMs: number, now: number = Date.now()): MoveDeadline {
    return new MoveDeadline(now + boundMs, boundMs);
  }

  check(now: number = Date.now()): void {
    if (now > this.endsAt) throw new FreezeBoundExceededError(this.boundMs);
  }
}
