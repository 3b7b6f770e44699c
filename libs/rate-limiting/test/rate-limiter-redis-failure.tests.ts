import { setTimeout as delay } from 'node:timers/promises';

import { Logger } from '@nestjs/common';
import {
  CountingRateLimiterMetrics,
  RateLimitAlgorithm,
  RateLimitDecisionSource,
  RateLimiterService,
  defineRateLimitPolicy,
  rateLimiterOptions,
  type RateLimitDecision,
} from '../src';
import { RedisConnectionPool, redisMasters, type RedisClient } from '@tenantpay/platform';
import { useTestRedis } from '@tenantpay/testing';

import { connectTestRedisClient } from './test-redis-client';

const policy = defineRateLimitPolicy({
  name: 'starter',
  limit: 3,
  windowSeconds: 60,
  algorithm: RateLimitAlgorithm.SlidingWindowCounter,
});

describe('RateLimiterService when Redis fails', () => {
  const testRedis = useTestRedis();
  let redis: RedisClient;
  let warn: jest.SpyInstance;

  beforeAll(async () => {
    redis = await connectTestRedisClient(testRedis.topology, testRedis.keyPrefix);
  });
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    if (redis.status !== 'ready') await waitUntilReady(redis);
  });
  afterAll(() => {
    redis.disconnect();
  });

  // A stopped Redis fails at once whatever the budget, so the stop/restart tests use a generous one: on a
  // loaded CI machine a healthy first call (script load included) can exceed 75 ms and would count as a
  // failure. Only the slow-Redis test needs the tight budget.
  const limiterFailing = (
    failMode: 'open' | 'closed',
    metrics = new CountingRateLimiterMetrics(),
    redisTimeoutMs = 2_000,
  ) =>
    new RateLimiterService(
      new RedisConnectionPool([redis]),
      rateLimiterOptions({ rateLimit: { failMode } }, { redisTimeoutMs, redisRetryIntervalMs: 100 }),
      metrics,
    );

  async function consumeUntil(
    limiter: RateLimiterService,
    subject: string,
    done: (decision: RateLimitDecision) => boolean,
  ): Promise<RateLimitDecision> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const decision = await limiter.consume({ subject, bucket: 'api', policy });
      if (done(decision) || Date.now() > deadline) return decision;
      await delay(50);
    }
  }

  it('fails open: a per-process limiter still limits, warns once, counts, and Redis takes over after a restart', async () => {
    const metrics = new CountingRateLimiterMetrics();
    const limiter = limiterFailing('open', metrics);
    expect((await limiter.consume({ subject: 't1', bucket: 'api', policy })).source).toBe(
      RateLimitDecisionSource.Redis,
    );

    await testRedis.stop();
    const during: RateLimitDecision[] = [];
    for (let i = 0; i < 5; i += 1)
      during.push(await limiter.consume({ subject: 't2', bucket: 'api', policy }));

    expect(during.map((d) => d.allowed)).toEqual([true, true, true, false, false]);
    expect(during.every((d) => d.source === RateLimitDecisionSource.Fallback)).toBe(true);
    expect(during[3]!.retryAfterSeconds).toBeGreaterThan(0);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(metrics.degradedDecisions).toBe(5);
    expect(metrics.redisErrors + metrics.redisTimeouts).toBeGreaterThanOrEqual(1);

    await testRedis.restart();
    await waitUntilReady(redis);
    // The restarted server has no scripts: the first decision also proves the NOSCRIPT reload.
    const recovered = await consumeUntil(limiter, 't3', (d) => d.source === RateLimitDecisionSource.Redis);
    expect(recovered).toMatchObject({ allowed: true, remaining: 2, source: RateLimitDecisionSource.Redis });
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('fails closed when configured: refuses with a short Retry-After and counts the refusals', async () => {
    const metrics = new CountingRateLimiterMetrics();
    const limiter = limiterFailing('closed', metrics);

    await testRedis.stop();
    const refused = await limiter.consume({ subject: 't4', bucket: 'api', policy });

    expect(refused).toMatchObject({
      allowed: false,
      retryAfterSeconds: 1,
      source: RateLimitDecisionSource.FailedClosed,
    });
    expect(metrics.refusals).toBe(1);
    await testRedis.restart();
    await waitUntilReady(redis);
    const recovered = await consumeUntil(limiter, 't4', (d) => d.source === RateLimitDecisionSource.Redis);
    expect(recovered.allowed).toBe(true);
  });

  it('does not wait for a Redis slower than the budget', async () => {
    const metrics = new CountingRateLimiterMetrics();
    const limiter = limiterFailing('open', metrics, 75);
    const pauser = await connectTestRedisClient(testRedis.topology, testRedis.keyPrefix);
    try {
      // Every master: on a cluster a keyless command reaches one node, perhaps not the one serving 't5'.
      await Promise.all(redisMasters(pauser).map((master) => master.call('CLIENT', 'PAUSE', '400', 'ALL')));
      const decision = await limiter.consume({ subject: 't5', bucket: 'api', policy });

      expect(decision).toMatchObject({ allowed: true, source: RateLimitDecisionSource.Fallback });
      expect(metrics.redisTimeouts).toBe(1);
    } finally {
      await delay(450);
      pauser.disconnect();
    }
    const recovered = await consumeUntil(limiter, 't5', (d) => d.source === RateLimitDecisionSource.Redis);
    expect(recovered.source).toBe(RateLimitDecisionSource.Redis);
  });
});

async function waitUntilReady(redis: RedisClient): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (redis.status !== 'ready' && Date.now() < deadline) await delay(20);
}
