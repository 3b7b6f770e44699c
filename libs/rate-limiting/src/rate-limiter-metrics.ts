import type { RateLimitDecision } from './rate-limit-decision';

export type RedisFailureReason = 'timeout' | 'error';

/**
 * Where the limiter reports what it does. The default counts in memory; the Prometheus exporter replaces it
 * by providing another implementation for this class token.
 */
export abstract class RateLimiterMetrics {
  abstract recordDecision(decision: RateLimitDecision): void;
  abstract recordRedisFailure(reason: RedisFailureReason): void;
}

/**
 * Token an application binds, in a global module, to its own {@link RateLimiterMetrics} (a Prometheus
 * exporter); without a binding the rate-limiting module counts in memory.
 */
export const RATE_LIMITER_METRICS_EXPORTER = Symbol('RATE_LIMITER_METRICS_EXPORTER');
