import type { RateLimitOutcome } from './rate-limit-outcome';

/** One subject's sliding-window-counter state: the fixed window it was last written in and two counts. */
export interface SlidingWindowCounterState {
  readonly windowIndex: number;
  readonly current: number;
  readonly previous: number;
}

/**
 * The sliding-window counter in TypeScript: the in-process fallback runs it, and it mirrors the Lua in
 * consume-rate-limit.script.ts line for line so unit tests can check the algorithm's bounds on a simulated
 * clock (Redis's clock cannot be driven from a test). Keep the two in step.
 */
export function consumeSlidingWindowCounter(
  stored: SlidingWindowCounterState | undefined,
  nowMs: number,
  limit: number,
  windowMs: number,
  cost: number,
): { outcome: RateLimitOutcome; state: SlidingWindowCounterState | undefined } {
  const index = Math.floor(nowMs / windowMs);
  const elapsed = nowMs - index * windowMs;
  let current = 0;
  let previous = 0;
  if (stored?.windowIndex === index) {
    current = stored.current;
    previous = stored.previous;
  } else if (stored?.windowIndex === index - 1) {
    previous = stored.current;
  }
  const weightedPrevious = previous * (windowMs - elapsed);
  let allowed = true;
  let retryAfterMs = 0;
  let state = stored;
  if (weightedPrevious + (current + cost) * windowMs <= limit * windowMs) {
    current += cost;
    state = { windowIndex: index, current, previous };
  } else {
    allowed = false;
    if (cost > limit) {
      retryAfterMs = -1;
    } else if (current + cost <= limit) {
      retryAfterMs = Math.ceil(windowMs - ((limit - current - cost) * windowMs) / previous - elapsed);
    } else {
      const into = Math.max(0, windowMs - ((limit - cost) * windowMs) / current);
      retryAfterMs = windowMs - elapsed + Math.ceil(into);
    }
  }
  const remaining = Math.max(
    0,
    Math.floor((limit * windowMs - weightedPrevious - current * windowMs) / windowMs),
  );
  const resetAfterMs =
    current > 0 ? (index + 2) * windowMs - nowMs : previous > 0 ? (index + 1) * windowMs - nowMs : 0;
  return { outcome: { allowed, remaining, retryAfterMs, resetAfterMs, nowMs }, state };
}
