import type { RateLimitPolicy } from './rate-limit-policy';
import type { UsageIncrement } from './usage-increment';

/** One request for a decision: `cost` units of `subject`'s quota in `bucket` under `policy`. */
export interface RateLimitRequest {
  /**
   * Whose quota: a tenant id, or `ip:<address>` / `account:<id>` on unauthenticated routes. It is the Redis
   * Cluster hash tag of every key of the decision, so it may not contain braces.
   */
  readonly subject: string;
  /** Which counter of that subject, e.g. `api` or `login`. Distinct routes may share or split buckets. */
  readonly bucket: string;
  readonly policy: RateLimitPolicy;
  /** Whole units this request consumes; 1 unless a route is heavier (a bulk request). */
  readonly cost?: number;
  /** Usage-metering increments to apply in the same Redis round trip (see {@link UsageIncrement}). */
  readonly usage?: UsageIncrement;
}
