import { rememberBounded } from './remember-bounded';
import type { RateLimitOutcome } from './rate-limit-outcome';
import { type SlidingWindowCounterState, consumeSlidingWindowCounter } from './sliding-window-counter';

/**
 * The per-process limiter used while Redis is unavailable and the limiter fails open. It limits each process
 * separately (N instances admit up to N × limit during an outage) and counts every policy with the
 * sliding-window counter: an outage is the time for bounded memory, not for exactness.
 */
export class InMemoryRateLimiter {
  private readonly states = new Map<string, SlidingWindowCounterState>();

  constructor(private readonly maxEntries: number) {}

  consume(key: string, limit: number, windowMs: number, cost: number, nowMs: number): RateLimitOutcome {
    const { outcome, state } = consumeSlidingWindowCounter(
      this.states.get(key),
      nowMs,
      limit,
      windowMs,
      cost,
    );
    if (state !== undefined) rememberBounded(this.states, key, state, this.maxEntries);
    return outcome;
  }

  forget(key: string): void {
    this.states.delete(key);
  }

  /** Counts from an outage are not carried into the next one. */
  clear(): void {
    this.states.clear();
  }
}
