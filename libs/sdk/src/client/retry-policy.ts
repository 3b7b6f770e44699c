export interface RetryPolicy {
  /** Retries after the first attempt (0 turns retrying off). */
  readonly maxRetries: number;
  /** The longest wait honoured; a longer Retry-After ends the retries and the caller gets the error. */
  readonly maxDelayMs: number;
  /** The first wait when the answer has no Retry-After; doubles per retry. */
  readonly baseDelayMs: number;
}
