/** What an algorithm answers, in milliseconds relative to the clock it ran on (Redis's or this process's). */
export interface RateLimitOutcome {
  readonly allowed: boolean;
  readonly remaining: number;
  /** 0 when allowed; -1 when no wait can admit the cost (it exceeds the limit). */
  readonly retryAfterMs: number;
  /** Until the whole quota is available again, if nothing more is consumed. */
  readonly resetAfterMs: number;
  readonly nowMs: number;
}
