/** Redis key names, response header names and tuning defaults of the rate limiter, in one place. */

/**
 * The Redis key of one subject's bucket. The subject (a tenant id, or `ip:<address>` on unauthenticated
 * routes) is the Redis Cluster hash tag, so every key of one decision — including usage keys composed into
 * the same script call — can live in one slot.
 */
export function rateLimitKey(subject: string, bucket: string): string {
  return `rl:{${subject}}:${bucket}`;
}

export const RATE_LIMIT_LIMIT_HEADER = 'X-RateLimit-Limit';
export const RATE_LIMIT_REMAINING_HEADER = 'X-RateLimit-Remaining';
/** Unix seconds at which the whole quota is available again. */
export const RATE_LIMIT_RESET_HEADER = 'X-RateLimit-Reset';
/** draft-ietf-httpapi-ratelimit-headers: the policy, e.g. `"starter";q=60;w=60`. */
export const RATE_LIMIT_POLICY_HEADER = 'RateLimit-Policy';
/** draft-ietf-httpapi-ratelimit-headers: the current service limit, e.g. `"starter";r=59;t=60`. */
export const RATE_LIMIT_HEADER = 'RateLimit';
export const RETRY_AFTER_HEADER = 'Retry-After';

/**
 * How long a decision waits for Redis before the fallback limiter answers. A healthy local Redis answers in
 * well under a millisecond; past this, waiting longer costs every request latency and buys nothing.
 */
export const DEFAULT_REDIS_TIMEOUT_MS = 75;
/** After a Redis failure, decisions skip Redis for this long before trying it again (no request storm on a sick server). */
export const DEFAULT_REDIS_RETRY_INTERVAL_MS = 500;
/** Injection token of the limiter's own Redis connections (a `RedisConnectionPool`). */
export const RATE_LIMIT_REDIS_POOL = Symbol('RATE_LIMIT_REDIS_POOL');
/**
 * Connections the limiter decides on. Two let Redis work through one connection's batch of decisions while
 * this process handles the other's answers (one connection makes them take turns). Two already reached the
 * one-core Redis's pipelined ceiling in bench/ratelimit; more were not measured.
 */
export const RATE_LIMIT_REDIS_CONNECTIONS = 2;
/** Bounds the in-process memories (blocked subjects, fallback counters) against floods of distinct subjects. */
export const DEFAULT_MAX_IN_PROCESS_ENTRIES = 50_000;
/** Refusals while Redis is unavailable and the limiter fails closed tell the caller to come back after this. */
export const FAIL_CLOSED_RETRY_AFTER_SECONDS = 1;
