import { RedisConnectionPool } from '@tenantpay/platform';
import type { Command } from 'ioredis';
import type Redis from 'ioredis';

import { CountingRateLimiterMetrics } from './counting-rate-limiter-metrics';
import { RateLimitAlgorithm } from './rate-limit-algorithm.enum';
import { RateLimitDecisionSource } from './rate-limit-decision';
import { defineRateLimitPolicy } from './rate-limit-policy';
import { rateLimiterOptions } from './rate-limiter-options';
import { RateLimiterService } from './rate-limiter.service';

const policy = defineRateLimitPolicy({
  name: 'starter',
  limit: 2,
  windowSeconds: 60,
  algorithm: RateLimitAlgorithm.SlidingWindowCounter,
});

/** A Redis that answers every EVALSHA with `reply`: what a script of another version would return. */
function limiterAnswering(reply: unknown, failMode: 'open' | 'closed') {
  const redis = {
    options: {},
    sendCommand: (command: Command) => command.resolve(reply as Buffer),
  } as unknown as Redis;
  const metrics = new CountingRateLimiterMetrics();
  const limiter = new RateLimiterService(
    new RedisConnectionPool([redis]),
    rateLimiterOptions({ rateLimit: { failMode } }),
    metrics,
  );
  return { limiter, metrics };
}

describe('RateLimiterService with a reply it does not recognise', () => {
  it.each([[['garbage']], [[1, 2, 3]], [[1, 59, 0, 60_000, 'now', 0]], [null]])(
    'treats %j as a Redis failure: the fallback decides (fail open)',
    async (reply) => {
      const { limiter, metrics } = limiterAnswering(reply, 'open');
      const decision = await limiter.consume({ subject: 'tenant-a', bucket: 'api', policy });
      expect(decision).toMatchObject({ allowed: true, source: RateLimitDecisionSource.Fallback });
      expect(metrics.redisErrors).toBe(1);
    },
  );

  it('refuses when configured to fail closed', async () => {
    const { limiter } = limiterAnswering(['garbage'], 'closed');
    const decision = await limiter.consume({ subject: 'tenant-a', bucket: 'api', policy });
    expect(decision).toMatchObject({ allowed: false, source: RateLimitDecisionSource.FailedClosed });
  });
});

describe('RateLimiterService.refusedUntil', () => {
  it('reads sliding-window logs only: a counter cannot say when its window frees up', async () => {
    const { limiter } = limiterAnswering(-1, 'open');
    await expect(limiter.refusedUntil('tenant-a', 'api', policy)).rejects.toThrow(/sliding-window logs only/);
  });

  it('answers null while Redis cannot be asked, and counts the failure', async () => {
    const unreachable = {
      options: {},
      evalsha: () => Promise.reject(new Error('Connection is closed.')),
    } as unknown as Redis;
    const metrics = new CountingRateLimiterMetrics();
    const limiter = new RateLimiterService(
      new RedisConnectionPool([unreachable]),
      rateLimiterOptions({ rateLimit: { failMode: 'open' } }),
      metrics,
    );
    const log = defineRateLimitPolicy({ ...policy, algorithm: RateLimitAlgorithm.SlidingWindowLog });
    expect(await limiter.refusedUntil('tenant-a', 'api', log)).toBeNull();
    expect(metrics.redisErrors).toBe(1);
  });
});
