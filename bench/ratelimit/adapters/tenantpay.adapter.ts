import {
  CountingRateLimiterMetrics,
  RateLimitAlgorithm,
  RateLimiterService,
  defineRateLimitPolicy,
  rateLimiterOptions,
} from '@tenantpay/rate-limiting';

import type { LimiterAdapter } from '../limiter-adapter';

/**
 * Ours, default algorithm (sliding-window counter). Bench subjects are tenant ids, so the keys are
 * `rl:{<prefix><tenant>}:api`. The Redis budget is generous so a saturated bench machine measures Redis, not
 * the fallback.
 */
export const tenantpayAdapter: LimiterAdapter = {
  name: 'tenantpay (sliding-window counter)',
  keyPattern: (keyPrefix) => `rl:{${keyPrefix}*`,
  async create({ redis, limit, windowSeconds, keyPrefix }) {
    const limiter = new RateLimiterService(
      redis,
      rateLimiterOptions({ rateLimit: { failMode: 'open' } }, { redisTimeoutMs: 5_000 }),
      new CountingRateLimiterMetrics(),
    );
    const policy = defineRateLimitPolicy({
      name: 'bench',
      limit,
      windowSeconds,
      algorithm: RateLimitAlgorithm.SlidingWindowCounter,
    });
    return {
      consume: async (subject) =>
        (await limiter.consume({ subject: `${keyPrefix}${subject}`, bucket: 'api', policy })).allowed,
    };
  },
};

/** Ours, exact algorithm (sliding-window log), for comparison: memory grows with the limit. */
export const tenantpayLogAdapter: LimiterAdapter = {
  ...tenantpayAdapter,
  name: 'tenantpay (sliding-window log)',
  async create(settings) {
    const limiter = new RateLimiterService(
      settings.redis,
      rateLimiterOptions({ rateLimit: { failMode: 'open' } }, { redisTimeoutMs: 5_000 }),
      new CountingRateLimiterMetrics(),
    );
    const policy = defineRateLimitPolicy({
      name: 'bench',
      limit: settings.limit,
      windowSeconds: settings.windowSeconds,
      algorithm: RateLimitAlgorithm.SlidingWindowLog,
    });
    return {
      consume: async (subject) =>
        (await limiter.consume({ subject: `${settings.keyPrefix}${subject}`, bucket: 'api', policy }))
          .allowed,
    };
  },
};
