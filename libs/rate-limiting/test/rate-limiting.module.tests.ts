import { createHash } from 'node:crypto';

import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { APP_CONFIG, REDIS_CLIENT, type RedisClient } from '@tenantpay/platform';
import {
  CONSUME_RATE_LIMIT_SCRIPT,
  CountingRateLimiterMetrics,
  RateLimitAlgorithm,
  RATE_LIMITER_OPTIONS,
  RateLimitDecisionSource,
  RateLimiterMetrics,
  type RateLimiterOptions,
  RateLimiterService,
  RateLimitingModule,
  tenantApiRateLimitPolicy,
} from '../src';
import { Tier, effectiveLimits } from '@tenantpay/tenancy';
import { testAppConfig, useTestRedis } from '@tenantpay/testing';

import { connectTestRedisClient } from './test-redis-client';

describe('RateLimitingModule', () => {
  const testRedis = useTestRedis();
  let redis: RedisClient;

  beforeAll(async () => {
    redis = await connectTestRedisClient(testRedis.topology, testRedis.keyPrefix);
  });
  afterAll(() => {
    redis.disconnect();
  });

  async function compile(failMode: 'open' | 'closed') {
    const config = testAppConfig({
      MONGODB_URI: 'mongodb://127.0.0.1:1/unused',
      REDIS_URL: testRedis.url,
      RATE_LIMIT_FAIL_MODE: failMode,
    });
    // Stands in for the platform core module: the config and the shared Redis client, both global.
    @Global()
    @Module({
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: REDIS_CLIENT, useValue: redis },
      ],
      exports: [APP_CONFIG, REDIS_CLIENT],
    })
    class PlatformStandInModule {}
    const app = await Test.createTestingModule({
      imports: [PlatformStandInModule, RateLimitingModule],
    }).compile();
    return app.init();
  }

  it('provides a limiter on the platform Redis client that limits a tenant by its tier', async () => {
    const app = await compile('open');
    const limiter = app.get(RateLimiterService);
    const policy = tenantApiRateLimitPolicy(
      Tier.Starter,
      effectiveLimits({ tier: Tier.Starter }).apiRequestsPerMinute,
    );

    const decision = await limiter.consume({ subject: 'tenant-a', bucket: 'api', policy });

    expect(policy.algorithm).toBe(RateLimitAlgorithm.SlidingWindowCounter);
    expect(decision).toMatchObject({ allowed: true, policy: 'starter', limit: 60, remaining: 59 });
    expect(decision.source).toBe(RateLimitDecisionSource.Redis);
    expect(app.get(RateLimiterMetrics)).toBeInstanceOf(CountingRateLimiterMetrics);
    await app.close();
  });

  it('loads its script at start, so the first decision costs one round trip', async () => {
    await redis.script('FLUSH');
    const app = await compile('open');
    const [loaded] = (await redis.script(
      'EXISTS',
      createHash('sha1').update(CONSUME_RATE_LIMIT_SCRIPT).digest('hex'),
    )) as number[];
    expect(loaded).toBe(1);
    await app.close();
  });

  it('takes the fail mode from the application config', async () => {
    const app = await compile('closed');
    expect(app.get<RateLimiterOptions>(RATE_LIMITER_OPTIONS)).toMatchObject({
      failMode: 'closed',
      redisTimeoutMs: 75,
    });
    await app.close();
  });
});
