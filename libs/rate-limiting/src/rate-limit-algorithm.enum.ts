/**
 * How a policy counts. Both run as one atomic Lua script on Redis time.
 *
 * - `SlidingWindowCounter` (the default): the current fixed window's count plus the previous window's count
 *   weighted by how much of it still overlaps the sliding window. Constant memory (one small hash per
 *   subject and bucket) whatever the limit. Approximate: a burst at a window edge cannot pass, but over any
 *   window-long span a client pacing itself adversarially can get up to `limit × (1 + f)` admitted, `f` being
 *   how far into its fixed window the span ends (so always under 2 × limit); see the library README.
 * - `SlidingWindowLog`: a sorted set of the admitted requests of the last window. Exact (never more than
 *   `limit` in any window-long span) but memory grows with the limit, so it is meant for small exact limits
 *   such as login attempts.
 */
export enum RateLimitAlgorithm {
  SlidingWindowCounter = 'sliding-window-counter',
  SlidingWindowLog = 'sliding-window-log',
}
