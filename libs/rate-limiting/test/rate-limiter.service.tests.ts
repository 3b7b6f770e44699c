import { setTimeout as delay } from 'node:timers/promises';

import {
  CountingRateLimiterMetrics,
  RateLimitAlgorithm,
  RateLimitDecisionSource,
  RateLimiterService,
  defineRateLimitPolicy,
  rateLimitHeaders,
  rateLimiterOptions,
  type RateLimitDecision,
  type RateLimitPolicy,
} from '../src';
import { Tier, UNLIMITED } from '@tenantpay/tenancy';
import { RedisConnectionPool, type RedisClient, redisMasters } from '@tenantpay/platform';
import { useTestRedis } from '@tenantpay/testing';
import fc from 'fast-check';

import { redisCommandCalls } from './redis-command-calls';
import { connectTestRedisClient } from './test-redis-client';

const counter = (limit: number, windowSeconds = 60): RateLimitPolicy =>
  defineRateLimitPolicy({
    name: 'starter',
    limit,
    windowSeconds,
    algorithm: RateLimitAlgorithm.SlidingWindowCounter,
  });
const log = (limit: number, windowSeconds = 60): RateLimitPolicy =>
  defineRateLimitPolicy({
    name: 'login',
    limit,
    windowSeconds,
    algorithm: RateLimitAlgorithm.SlidingWindowLog,
  });

let subjectSequence = 0;
/** Every test takes fresh subjects so tests never share counters. */
const freshSubject = (): string => `tenant${++subjectSequence}`;

describe('RateLimiterService on Redis', () => {
  const testRedis = useTestRedis();
  let redis: RedisClient;
  let admin: RedisClient;
  let metrics: CountingRateLimiterMetrics;
  let limiter: RateLimiterService;

  beforeAll(async () => {
    redis = await connectTestRedisClient(testRedis.topology, testRedis.keyPrefix);
    admin = await connectTestRedisClient(testRedis.topology, testRedis.keyPrefix);
  });
  beforeEach(() => {
    metrics = new CountingRateLimiterMetrics();
    limiter = newLimiter();
  });
  /**
   * A limiter as a fresh process would have it (no remembered refusals). Its Redis budget is generous: these
   * tests are about what Redis decides, and a saturated test machine must not push them onto the fallback.
   */
  const newLimiter = (client: RedisClient = redis) =>
    new RateLimiterService(
      new RedisConnectionPool([client]),
      rateLimiterOptions({ rateLimit: { failMode: 'open' } }, { redisTimeoutMs: 5_000 }),
      metrics,
    );

  afterAll(() => {
    // The harness may already have stopped the server, so no QUIT round trip.
    redis.disconnect();
    admin.disconnect();
  });

  const consumeMany = async (count: number, consume: () => Promise<RateLimitDecision>) => {
    const decisions: RateLimitDecision[] = [];
    for (let i = 0; i < count; i += 1) decisions.push(await consume());
    return decisions;
  };

  describe.each([
    ['sliding-window counter', counter],
    ['sliding-window log', log],
  ])('with the %s', (_, policyOf) => {
    it('admits the limit, then refuses with remaining 0 and a Retry-After', async () => {
      const subject = freshSubject();
      const decisions = await consumeMany(7, () =>
        limiter.consume({ subject, bucket: 'api', policy: policyOf(5) }),
      );

      expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false, false]);
      expect(decisions.map((d) => d.remaining)).toEqual([4, 3, 2, 1, 0, 0, 0]);
      const refusal = decisions[5]!;
      expect(refusal.retryAfterSeconds).toBeGreaterThan(0);
      expect(refusal.retryAfterSeconds).toBeLessThanOrEqual(120);
      expect(refusal.reset).toBeGreaterThanOrEqual(
        Math.floor(Date.now() / 1000) + refusal.retryAfterSeconds - 2,
      );
      expect(rateLimitHeaders(decisions[0]!)).toMatchObject({
        'X-RateLimit-Limit': '5',
        'X-RateLimit-Remaining': '4',
        'RateLimit-Policy': `"${policyOf(5).name}";q=5;w=60`,
      });
      expect(rateLimitHeaders(refusal)['Retry-After']).toBe(String(refusal.retryAfterSeconds));
    });

    it('stores the count under a hash-tagged key of the subject and bucket that expires', async () => {
      const subject = freshSubject();
      await limiter.consume({ subject, bucket: 'payments', policy: policyOf(5) });

      const key = `rl:{${subject}}:payments`;
      expect(await admin.exists(key)).toBe(1);
      const ttlMs = await admin.pttl(key);
      expect(ttlMs).toBeGreaterThan(0);
      expect(ttlMs).toBeLessThanOrEqual(120_000);
    });

    it('keeps subjects and buckets apart', async () => {
      const [a, b] = [freshSubject(), freshSubject()];
      await consumeMany(3, () => limiter.consume({ subject: a, bucket: 'api', policy: policyOf(3) }));

      expect((await limiter.consume({ subject: a, bucket: 'api', policy: policyOf(3) })).allowed).toBe(false);
      expect((await limiter.consume({ subject: b, bucket: 'api', policy: policyOf(3) })).allowed).toBe(true);
      expect((await limiter.consume({ subject: a, bucket: 'login', policy: policyOf(3) })).allowed).toBe(
        true,
      );
    });

    it('charges the cost of a request and refuses one that does not fit while a cheaper one still does', async () => {
      const subject = freshSubject();
      const heavy = await limiter.consume({ subject, bucket: 'api', policy: policyOf(10), cost: 7 });
      const tooHeavy = await limiter.consume({ subject, bucket: 'api', policy: policyOf(10), cost: 4 });
      const light = await limiter.consume({ subject, bucket: 'api', policy: policyOf(10), cost: 3 });

      expect(heavy).toMatchObject({ allowed: true, remaining: 3 });
      expect(tooHeavy).toMatchObject({ allowed: false, source: RateLimitDecisionSource.Redis });
      expect(light).toMatchObject({ allowed: true, remaining: 0, source: RateLimitDecisionSource.Redis });
    });

    it('refuses a cost above the whole limit without asking Redis', async () => {
      const before = await redisCommandCalls(admin);
      const decision = await limiter.consume({
        subject: freshSubject(),
        bucket: 'api',
        policy: policyOf(5),
        cost: 6,
      });
      const after = await redisCommandCalls(admin);

      expect(decision).toMatchObject({ allowed: false, source: RateLimitDecisionSource.CostExceedsLimit });
      expect(after['evalsha'] ?? 0).toBe(before['evalsha'] ?? 0);
    });

    it('answers further requests of a refused subject from memory, without a Redis command', async () => {
      const subject = freshSubject();
      await consumeMany(4, () => limiter.consume({ subject, bucket: 'api', policy: policyOf(3) }));
      const before = await redisCommandCalls(admin);
      const flood = await Promise.all(
        Array.from({ length: 50 }, () => limiter.consume({ subject, bucket: 'api', policy: policyOf(3) })),
      );
      const after = await redisCommandCalls(admin);

      expect(flood.every((d) => !d.allowed && d.source === RateLimitDecisionSource.BlockedInProcess)).toBe(
        true,
      );
      expect(flood.every((d) => d.retryAfterSeconds > 0)).toBe(true);
      expect(after['evalsha']).toBe(before['evalsha']);
      expect(metrics.blockedInProcess).toBe(50);
    });

    it('asks Redis again at once when the subject gets a larger limit (a tier upgrade)', async () => {
      const subject = freshSubject();
      await consumeMany(4, () => limiter.consume({ subject, bucket: 'api', policy: policyOf(3) }));

      const upgraded = await limiter.consume({ subject, bucket: 'api', policy: policyOf(10) });
      expect(upgraded).toMatchObject({ allowed: true, source: RateLimitDecisionSource.Redis });
    });
  });

  it('never calls Redis for an unlimited quota', async () => {
    const unlimited = defineRateLimitPolicy({
      name: 'enterprise',
      limit: UNLIMITED,
      windowSeconds: 60,
      algorithm: RateLimitAlgorithm.SlidingWindowCounter,
    });
    const before = await redisCommandCalls(admin);
    const decisions = await consumeMany(20, () =>
      limiter.consume({ subject: freshSubject(), bucket: 'api', policy: unlimited }),
    );
    const after = await redisCommandCalls(admin);

    expect(decisions.every((d) => d.allowed && d.source === RateLimitDecisionSource.Unlimited)).toBe(true);
    expect(after['evalsha'] ?? 0).toBe(before['evalsha'] ?? 0);
    expect(rateLimitHeaders(decisions[0]!)).toEqual({});
  });

  it('sends exactly one command (EVALSHA) per decision', async () => {
    const subject = freshSubject();
    await limiter.consume({ subject, bucket: 'api', policy: counter(100) });
    const sent: string[] = [];
    const original = redis.sendCommand.bind(redis);
    // The limiter's one entry point to Redis on either topology (a cluster client routes it to the key's node).
    const spy = jest.spyOn(redis, 'sendCommand').mockImplementation((command, ...rest) => {
      sent.push(command.name);
      return original(command, ...rest);
    });
    try {
      await consumeMany(10, () => limiter.consume({ subject, bucket: 'api', policy: counter(100) }));
    } finally {
      spy.mockRestore();
    }
    expect(sent).toEqual(Array.from({ length: 10 }, () => 'evalsha'));
  });

  it('runs the script by its source once after SCRIPT FLUSH (which caches it again) and keeps counting', async () => {
    const subject = freshSubject();
    await limiter.consume({ subject, bucket: 'api', policy: counter(3) });
    // Every master's script cache (on a cluster, the subject's node is one of them).
    await Promise.all(redisMasters(admin).map((master) => master.script('FLUSH')));
    const before = await redisCommandCalls(admin);

    const afterFlush = await limiter.consume({ subject, bucket: 'api', policy: counter(3) });
    const next = await limiter.consume({ subject, bucket: 'api', policy: counter(3) });
    const after = await redisCommandCalls(admin);

    expect(afterFlush).toMatchObject({ allowed: true, remaining: 1, source: RateLimitDecisionSource.Redis });
    expect(next).toMatchObject({ allowed: true, remaining: 0, source: RateLimitDecisionSource.Redis });
    const calls = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
    expect(calls('eval')).toBe(1);
    // The refused EVALSHA, then the next decision's, which finds the script EVAL cached.
    expect(calls('evalsha')).toBe(2);
  });

  describe('across a window edge (2 s test window: Redis time cannot be driven from a test)', () => {
    const windowSeconds = 2;
    const limit = 20;

    const redisNowMs = async (): Promise<number> => {
      const [seconds, micros] = await admin.time();
      return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    };

    /** Waits until `offsetMs` before (negative) or after the next edge of the Redis-time-aligned window. */
    async function waitForWindowEdge(offsetMs: number): Promise<number> {
      const nowMs = await redisNowMs();
      const windowMs = windowSeconds * 1000;
      let edge = Math.ceil(nowMs / windowMs) * windowMs;
      if (edge + offsetMs - nowMs < 50) edge += windowMs;
      await delay(edge + offsetMs - nowMs);
      return edge;
    }

    /**
     * Twice the limit just before the edge, twice the limit just after: a fixed window would admit 2 × limit.
     * Returns the admissions and how far into the new window (a fraction) the second burst had ended.
     */
    async function burstAcrossEdge(
      policy: RateLimitPolicy,
    ): Promise<{ admitted: number; fractionAfterEdge: number }> {
      const subject = freshSubject();
      const burst = () =>
        Promise.all(
          Array.from({ length: 2 * limit }, () => limiter.consume({ subject, bucket: 'api', policy })),
        );
      const edge = await waitForWindowEdge(-150);
      const before = await burst();
      // A fresh process: this one would answer the second burst from its memory of the refusals, and the
      // test is about what Redis admits.
      limiter = newLimiter();
      await delay(Math.max(0, edge + 150 - (await redisNowMs())));
      const after = await burst();
      const fractionAfterEdge = ((await redisNowMs()) - edge) / (windowSeconds * 1000);
      return { admitted: [...before, ...after].filter((d) => d.allowed).length, fractionAfterEdge };
    }

    it('the log admits at most the limit in the window-long span around the edge', async () => {
      expect((await burstAcrossEdge(log(limit, windowSeconds))).admitted).toBe(limit);
    });

    it('the counter admits the limit plus at most the share of the window elapsed after the edge', async () => {
      // Documented bound: limit × (1 + f), f = how far into the new window the span ends (measured on Redis
      // time, so a slow machine widens the bound instead of failing the test). A fixed window would admit 40.
      const { admitted, fractionAfterEdge } = await burstAcrossEdge(counter(limit, windowSeconds));
      expect(admitted).toBeGreaterThanOrEqual(limit);
      expect(admitted).toBeLessThanOrEqual(Math.floor(limit * (1 + Math.min(1, fractionAfterEdge))));
      expect(admitted).toBeLessThan(2 * limit);
    });
  });

  it('the log never admits more than the limit to many concurrent requests from several processes', async () => {
    const clients = await Promise.all(
      Array.from({ length: 4 }, () => connectTestRedisClient(testRedis.topology, testRedis.keyPrefix)),
    );
    try {
      const limiters = clients.map((client) => newLimiter(client));
      const subject = freshSubject();
      const decisions = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          limiters[i % limiters.length]!.consume({ subject, bucket: 'login', policy: log(25) }),
        ),
      );
      expect(decisions.filter((d) => d.allowed)).toHaveLength(25);
      expect(await admin.zcard(`rl:{${subject}}:login`)).toBe(25);
    } finally {
      for (const client of clients) client.disconnect();
    }
  });

  it('the log never admits more than the limit within a window, for any sequence of costs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 25 }),
        async (limit, costs) => {
          const subject = freshSubject();
          let admittedTotal = 0;
          for (const cost of costs) {
            const decision = await limiter.consume({ subject, bucket: 'login', policy: log(limit), cost });
            // Within one 60 s window nothing expires, so admission is exactly "the cost still fits".
            expect(decision.allowed).toBe(cost <= limit && admittedTotal + cost <= limit);
            if (decision.allowed) admittedTotal += cost;
            expect(admittedTotal).toBeLessThanOrEqual(limit);
          }
          expect(await admin.zcard(`rl:{${subject}}:login`)).toBe(admittedTotal);
        },
      ),
      { numRuns: 40 },
    );
  });

  describe('usage increments in the same round trip', () => {
    const usageFor = (subject: string, sequence: number, when?: 'admitted' | 'always') => ({
      hashKey: `usage:{${subject}}:2025-01`,
      increments: { api_calls: 1, bandwidth_bytes: 512 },
      hashTtlSeconds: 90 * 86_400,
      sequence: {
        floorField: '~p1',
        marksKey: `usage:{${subject}}:2025-01:producer:p1`,
        sequence,
        floor: sequence,
        marksTtlSeconds: 3_600,
      },
      dirty: { setKey: `usage:{${subject}}:dirty`, member: subject },
      ...(when ? { when } : {}),
    });

    it('increments the usage hash, marks it dirty and sets its TTL', async () => {
      const subject = freshSubject();
      const decision = await limiter.consume({
        subject,
        bucket: 'api',
        policy: counter(5),
        usage: usageFor(subject, 1),
      });

      expect(decision).toMatchObject({ allowed: true, usageRecorded: true });
      expect(await admin.hgetall(`usage:{${subject}}:2025-01`)).toEqual({
        api_calls: '1',
        bandwidth_bytes: '512',
        // The producer's floor, moved past sequence 1, and the first sequence it claimed in this hash.
        '~p1': '2',
        '^~p1': '1',
      });
      expect(await admin.smembers(`usage:{${subject}}:dirty`)).toEqual([subject]);
      expect(await admin.ttl(`usage:{${subject}}:2025-01`)).toBeGreaterThan(89 * 86_400);
    });

    it('counts a producer sequence once however often it is sent', async () => {
      const subject = freshSubject();
      for (let i = 0; i < 3; i += 1) {
        const decision = await limiter.consume({
          subject,
          bucket: 'api',
          policy: counter(5),
          usage: usageFor(subject, 7),
        });
        expect(decision.usageRecorded).toBe(true);
      }
      expect(await admin.hget(`usage:{${subject}}:2025-01`, 'api_calls')).toBe('1');
    });

    it('keeps the first sequence a producer claimed in the hash, also out of order, and only that one', async () => {
      const subject = freshSubject();
      const consume = (sequence: number, floor: number) =>
        limiter.consume({
          subject,
          bucket: 'api',
          policy: counter(5),
          usage: {
            ...usageFor(subject, sequence),
            sequence: { ...usageFor(subject, sequence).sequence, floor },
          },
        });
      // Sequence 5 lands before 3 and 4, which are still in flight: the first claim is 5, not the floor.
      await consume(5, 3);
      await consume(3, 3);
      await consume(4, 4);

      expect(await admin.hmget(`usage:{${subject}}:2025-01`, 'api_calls', '^~p1')).toEqual(['3', '5']);
    });

    it('does not count a refused request unless asked to', async () => {
      const subject = freshSubject();
      await limiter.consume({ subject, bucket: 'api', policy: counter(1), usage: usageFor(subject, 1) });
      const refused = await newLimiter().consume({
        subject,
        bucket: 'api',
        policy: counter(1),
        usage: usageFor(subject, 2),
      });
      const refusedCounted = await newLimiter().consume({
        subject,
        bucket: 'api',
        policy: counter(1),
        usage: usageFor(subject, 3, 'always'),
      });

      expect(refused).toMatchObject({ allowed: false, usageRecorded: false });
      expect(refusedCounted).toMatchObject({ allowed: false, usageRecorded: true });
      expect(await admin.hget(`usage:{${subject}}:2025-01`, 'api_calls')).toBe('2');
    });

    it('answers the usage hash after the write when asked to read it back, and only then', async () => {
      const subject = freshSubject();
      await admin.hset(`usage:{${subject}}:2025-01`, 'api_calls', '41', '_baseline', '1');
      const plain = await limiter.consume({
        subject,
        bucket: 'api',
        policy: counter(5),
        usage: usageFor(subject, 1),
      });
      const readBack = await limiter.consume({
        subject,
        bucket: 'api',
        policy: counter(5),
        usage: { ...usageFor(subject, 2), readBack: true },
      });

      expect(plain.usageHash).toBeUndefined();
      expect(readBack).toMatchObject({
        allowed: true,
        usageRecorded: true,
        usageHash: { api_calls: '43', bandwidth_bytes: '1024', _baseline: '1' },
      });
    });

    it('reads the usage hash back for an unlimited tenant too, but not for a refused request', async () => {
      const subject = freshSubject();
      const unlimited = defineRateLimitPolicy({
        name: Tier.Enterprise.toLowerCase(),
        limit: UNLIMITED,
        windowSeconds: 60,
        algorithm: RateLimitAlgorithm.SlidingWindowCounter,
      });
      const admitted = await limiter.consume({
        subject,
        bucket: 'api',
        policy: unlimited,
        usage: { ...usageFor(subject, 1), readBack: true },
      });
      await limiter.consume({ subject, bucket: 'limited', policy: counter(1), usage: usageFor(subject, 2) });
      const refused = await newLimiter().consume({
        subject,
        bucket: 'limited',
        policy: counter(1),
        usage: { ...usageFor(subject, 3), readBack: true },
      });

      expect(admitted.usageHash).toEqual({
        api_calls: '1',
        bandwidth_bytes: '512',
        '~p1': '2',
        '^~p1': '1',
      });
      expect(refused).toMatchObject({ allowed: false, usageRecorded: false });
      expect(refused.usageHash).toBeUndefined();
    });

    it('records usage of an unlimited tenant in one EVALSHA without counting a limit', async () => {
      const subject = freshSubject();
      const unlimited = defineRateLimitPolicy({
        name: Tier.Enterprise.toLowerCase(),
        limit: UNLIMITED,
        windowSeconds: 60,
        algorithm: RateLimitAlgorithm.SlidingWindowCounter,
      });
      const before = await redisCommandCalls(admin);
      const decision = await limiter.consume({
        subject,
        bucket: 'api',
        policy: unlimited,
        usage: usageFor(subject, 1),
      });
      const after = await redisCommandCalls(admin);

      expect(decision).toMatchObject({
        allowed: true,
        source: RateLimitDecisionSource.Unlimited,
        usageRecorded: true,
      });
      expect((after['evalsha'] ?? 0) - (before['evalsha'] ?? 0)).toBe(1);
      expect(await admin.exists(`rl:{${subject}}:api`)).toBe(0);
      expect(await admin.hget(`usage:{${subject}}:2025-01`, 'api_calls')).toBe('1');
    });
  });

  it('refuses subjects that would break the hash tag', async () => {
    await expect(limiter.consume({ subject: 'a}b', bucket: 'api', policy: counter(5) })).rejects.toThrow(
      /hash tag/,
    );
    await expect(
      limiter.consume({ subject: 't', bucket: 'api', policy: counter(5), cost: 0 }),
    ).rejects.toThrow(/cost/);
  });
});
