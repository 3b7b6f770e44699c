import { RedisConnectionPool } from '@tenantpay/platform';
import type { Redis } from 'ioredis';
import {
  CountingRateLimiterMetrics,
  RATE_LIMIT_REDIS_CONNECTIONS,
  RateLimitAlgorithm,
  RateLimiterService,
  defineRateLimitPolicy,
  rateLimiterOptions,
} from '@tenantpay/rate-limiting';

import type { BenchLimiter, BenchLimiterSettings, LimiterAdapter } from '../limiter-adapter';

/**
 * Ours, as the API runs it: on its own connections (RATE_LIMIT_REDIS_CONNECTIONS of them, built by the same
 * factory as the API's), not the bench's client. Bench subjects are tenant ids, so the keys are
 * `rl:{<prefix><tenant>}:api`. The Redis budget is generous so a saturated bench machine measures Redis, not
 * the fallback.
 */
async function ourLimiter(
  { url, limit, windowSeconds, keyPrefix }: BenchLimiterSettings,
  algorithm: RateLimitAlgorithm,
): Promise<BenchLimiter> {
  const pool = RedisConnectionPool.create(
    { kind: 'standalone', url },
    'bench-rate-limit',
    RATE_LIMIT_REDIS_CONNECTIONS,
  );
  const limiter = new RateLimiterService(
    pool,
    rateLimiterOptions({ rateLimit: { failMode: 'open' } }, { redisTimeoutMs: 5_000 }),
    new CountingRateLimiterMetrics(),
  );
  await limiter.onModuleInit();
  const policy = defineRateLimitPolicy({ name: 'bench', limit, windowSeconds, algorithm });
  return {
    consume: (subject) =>
      limiter.consume({ subject: `${keyPrefix}${subject}`, bucket: 'api', policy }).then((d) => d.allowed),
    // The bench runs on one server (a standalone topology), so every pooled client is a plain connection.
    ownConnections: pool.connections as readonly Redis[],
    close: () => limiter.onApplicationShutdown(),
  };
}

/** Ours, default algorithm (sliding-window counter). */
export const tenantpayAdapter: LimiterAdapter = {
  name: 'tenantpay (sliding-window counter)',
  keyPattern: (keyPrefix) => `rl:{${keyPrefix}*`,
  create: (settings) => ourLimiter(settings, RateLimitAlgorithm.SlidingWindowCounter),
};

/** Ours, exact algorithm (sliding-window log), for comparison: memory grows with the limit. */
export const tenantpayLogAdapter: LimiterAdapter = {
  name: 'tenantpay (sliding-window log)',
  keyPattern: tenantpayAdapter.keyPattern,
  create: (settings) => ourLimiter(settings, RateLimitAlgorithm.SlidingWindowLog),
};
