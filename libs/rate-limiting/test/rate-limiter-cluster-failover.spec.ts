import { Logger } from '@nestjs/common';
import { RedisConnectionPool } from '@tenantpay/platform';
import { eventually, useTestRedisCluster } from '@tenantpay/testing';

import {
  CountingRateLimiterMetrics,
  RateLimitAlgorithm,
  RateLimitDecisionSource,
  RateLimiterService,
  defineRateLimitPolicy,
  rateLimiterOptions,
  type RateLimitDecision,
} from '../src';

const policy = defineRateLimitPolicy({
  name: 'starter',
  limit: 1_000_000,
  windowSeconds: 60,
  algorithm: RateLimitAlgorithm.SlidingWindowCounter,
});

/**
 * Fault test on a real Redis Cluster (3 masters + 3 replicas, node timeout 2 s): the master that owns a
 * tenant's limiter key is killed while decisions keep coming; its replica is promoted, and the limiter decides
 * on Redis again without a restart. Part of the cluster run (`npm run test:redis-cluster`), not of `npm test`.
 */
const describeOnCluster = process.env['REDIS_TEST_TOPOLOGY'] === 'cluster' ? describe : describe.skip;

describeOnCluster('RateLimiterService on a Redis Cluster whose master dies', () => {
  const testRedis = useTestRedisCluster();
  let pool: RedisConnectionPool;

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await pool.close();
  });

  it('falls back while the replica takes over, then decides on Redis again on the promoted replica', async () => {
    pool = RedisConnectionPool.create(testRedis.topology, 'failover-spec', 2);
    // A budget below the 2 s a master may be unreachable before its replica is promoted, well above a healthy
    // call on a loaded machine.
    const limiter = new RateLimiterService(
      pool,
      rateLimiterOptions(
        { rateLimit: { failMode: 'open' } },
        { redisTimeoutMs: 1_000, redisRetryIntervalMs: 100 },
      ),
      new CountingRateLimiterMetrics(),
    );
    await limiter.onModuleInit();
    const subject = 'tenant-failover';
    const decide = (): Promise<RateLimitDecision> => limiter.consume({ subject, bucket: 'api', policy });
    await eventually('a decision on Redis before the fault', async () => (await decide()).source === 'redis');

    const slot = Number(await pool.next().cluster('KEYSLOT', `{${subject}}`));
    const master = await testRedis.cluster.masterOf(slot);
    await master.kill();

    const decisions: RateLimitDecision[] = [];
    const sources = () => decisions.map((decision) => decision.source);
    await eventually(
      'decisions on Redis again after falling back',
      async () => {
        decisions.push(await decide());
        return (
          sources().includes(RateLimitDecisionSource.Fallback) &&
          sources().at(-1) === RateLimitDecisionSource.Redis
        );
      },
      60_000,
      () => `sources so far: ${sources().join(',')}`,
    );
    // Fail open: nothing refused under a limit this high, neither by the fallback nor by the promoted replica.
    expect(decisions.filter((decision) => !decision.allowed)).toEqual([]);
    const promoted = await testRedis.cluster.masterOf(slot);
    expect(promoted.port).not.toBe(master.port);
  }, 120_000);
});
