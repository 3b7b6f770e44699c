import { RedisDecisionTimeoutError } from './redis-decision-timeout.error';

/** What a deadline needs of a Redis call: an ioredis `Command` is one. */
export interface DeadlineBoundCall {
  /** True once the call has its answer (ioredis sets it when a reply resolves the command). */
  readonly isResolved: boolean;
  reject(error: Error): void;
}

interface Pending {
  readonly deadlineMs: number;
  readonly call: DeadlineBoundCall;
  next: Pending | undefined;
}

/**
 * Cuts off Redis calls slower than the limiter's budget without a timer per call and without a promise of its
 * own: an expired call (an ioredis command) is rejected directly, so its caller's one promise chain carries
 * the timeout like any other failure. Every call gets the same budget, so deadlines arrive in the order calls
 * start: a first-in-first-out list and one timer, armed for the oldest unanswered deadline, replace a
 * setTimeout, a clearTimeout and a Promise.race per decision.
 *
 * The list is linked through its entries, and answered entries leave it from the front as new ones join: a
 * connection answers in order, so the front is almost always answered already, and an entry lives about as
 * long as its decision. An array queue compacted by the timer, or a Set, cost several times more per decision
 * (measured: ~1.5 µs of a ~10 µs decision), their backing stores being reallocated as entries came and went.
 * A call that failed with an error reply stays until its deadline, when rejecting it again changes nothing.
 * The answer to an expired call still arrives later and is dropped: a command already written to the socket
 * cannot be taken back.
 *
 * An expired call is refused one event-loop turn later (setImmediate): if the loop was busy, its answer may
 * already sit in the socket buffer, and the poll phase that runs between timers and immediates delivers it
 * first. Without this, CPU saturation alone would look like a slow Redis and push decisions onto the fallback.
 */
export class DecisionDeadlines {
  private oldest: Pending | undefined;
  private newest: Pending | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly timeoutMs: number) {}

  watch(call: DeadlineBoundCall): void {
    const pending: Pending = { deadlineMs: performance.now() + this.timeoutMs, call, next: undefined };
    this.dropAnsweredFront();
    if (this.newest === undefined) this.oldest = pending;
    else this.newest.next = pending;
    this.newest = pending;
    this.timer ??= this.arm(this.timeoutMs);
  }

  private dropAnsweredFront(): void {
    while (this.oldest?.call.isResolved === true) this.dropFront(this.oldest);
    if (this.oldest === undefined) this.newest = undefined;
  }

  private dropFront(front: Pending): void {
    this.oldest = front.next;
    front.next = undefined;
  }

  private arm(delayMs: number): NodeJS.Timeout {
    const timer = setTimeout(() => this.expire(), Math.max(1, Math.ceil(delayMs)));
    // Pending decisions keep the process busy anyway; an idle limiter must not keep it alive.
    timer.unref();
    return timer;
  }

  private expire(): void {
    this.timer = undefined;
    const now = performance.now();
    const expired: DeadlineBoundCall[] = [];
    while (this.oldest !== undefined && (this.oldest.call.isResolved || this.oldest.deadlineMs <= now)) {
      if (!this.oldest.call.isResolved) expired.push(this.oldest.call);
      this.dropFront(this.oldest);
    }
    if (this.oldest === undefined) this.newest = undefined;
    if (expired.length > 0) {
      setImmediate(() => {
        for (const call of expired) {
          if (!call.isResolved) call.reject(new RedisDecisionTimeoutError(this.timeoutMs));
        }
      });
    }
    if (this.oldest !== undefined) this.timer = this.arm(this.oldest.deadlineMs - now);
  }
}
