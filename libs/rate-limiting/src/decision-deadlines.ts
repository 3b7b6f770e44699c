import { RedisDecisionTimeoutError } from './redis-decision-timeout.error';

interface Pending {
  readonly deadlineMs: number;
  readonly reject: (error: Error) => void;
  settled: boolean;
}

/**
 * Cuts off Redis calls slower than the limiter's budget without a timer per call. Every call gets the same
 * budget, so deadlines arrive in the order calls start: a FIFO queue and one timer, armed for the oldest
 * unanswered deadline, replace a setTimeout, a clearTimeout and a Promise.race per decision (a visible share
 * of the per-decision cost under load). The losing Redis answer is left to settle on its own, since ioredis
 * cannot cancel a command already written to the socket.
 *
 * An expired call is refused one event-loop turn later (setImmediate): if the loop was busy, its answer may
 * already sit in the socket buffer, and the poll phase that runs between timers and immediates delivers it
 * first. Without this, CPU saturation alone would look like a slow Redis and push decisions onto the fallback.
 */
export class DecisionDeadlines {
  private queue: Pending[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly timeoutMs: number) {}

  race<T>(work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const pending: Pending = { deadlineMs: performance.now() + this.timeoutMs, reject, settled: false };
      this.queue.push(pending);
      this.timer ??= this.arm(this.timeoutMs);
      work.then(
        (value) => {
          pending.settled = true;
          resolve(value);
        },
        (error: unknown) => {
          pending.settled = true;
          reject(error);
        },
      );
    });
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
    const expired: Pending[] = [];
    while (this.head < this.queue.length) {
      const pending = this.queue[this.head] as Pending;
      if (!pending.settled && pending.deadlineMs > now) break;
      if (!pending.settled) expired.push(pending);
      this.head += 1;
    }
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 1_024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    if (expired.length > 0) {
      setImmediate(() => {
        for (const pending of expired) {
          if (pending.settled) continue;
          pending.settled = true;
          pending.reject(new RedisDecisionTimeoutError(this.timeoutMs));
        }
      });
    }
    const next = this.queue[this.head];
    if (next !== undefined) this.timer = this.arm(next.deadlineMs - now);
  }
}
