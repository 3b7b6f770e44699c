import { redisMasters, type RedisClient } from '@tenantpay/platform';
import type { INestApplicationContext } from '@nestjs/common';
import { eventually, testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { PRODUCER_MARKS_MAX_OUT_OF_ORDER, type RateLimiterService } from '@tenantpay/rate-limiting';

import {
  PRODUCER_FLOOR_FIELD_PREFIX,
  PRODUCER_MARKS_TTL_SECONDS,
  producerMarksKey,
  RequestUsageMeter,
  StorageUsageService,
  type UsageEvent,
  UsageProducer,
  UsageTrackerService,
  usageHashKey,
} from '../src';
import {
  ManualClock,
  newTenantId,
  silenceLogs,
  startUsageInstance,
  tenantWithQuota,
  GENEROUS_RATE_LIMIT_POLICY,
  rateLimiterOn,
} from './usage-test-module';

const PERIOD = '2025-01';

describe('usage deduplication by producer sequence', () => {
  const mongo = useTestMongo();
  const testRedis = useTestRedis();
  const clock = new ManualClock(new Date('2025-01-15T12:00:00Z'));
  let app: INestApplicationContext;
  let redis: RedisClient;
  let tracker: UsageTrackerService;
  let producer: UsageProducer;
  let meter: RequestUsageMeter;

  const config = () => testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: testRedis.url });
  const policy = GENEROUS_RATE_LIMIT_POLICY;
  const limiter = () => rateLimiterOn(redis);
  const apiCalls = async (tenantId: string) =>
    Number((await redis.hget(usageHashKey(tenantId, PERIOD), 'api_calls')) ?? 0);
  // KEYS and DBSIZE answer for the node they reach: on a cluster, every master is asked and the answers added.
  const keysMatching = async (pattern: string) =>
    (await Promise.all(redisMasters(redis).map((master) => master.keys(pattern)))).flat();
  const keyCount = async () =>
    (await Promise.all(redisMasters(redis).map((master) => master.dbsize()))).reduce((sum, n) => sum + n, 0);
  const sequencedCall = (tenantId: string, from = producer): UsageEvent => ({
    tenantId,
    period: PERIOD,
    sequence: from.issue(tenantId, PERIOD).sequence,
    increments: { api_calls: 1 },
  });
  const everyBufferedEventWritten = () =>
    eventually('every buffered event written', async () => {
      await tracker.drain();
      return tracker.bufferedCount === 0;
    });
  /** A request metered inside the limiter's decision, as the API's guard does. */
  const meteredRequest = async (rateLimiter: RateLimiterService, tenantId: string, through = meter) => {
    const prepared = through.prepare({}, tenantId, 100);
    prepared.settle(
      await rateLimiter.consume({ subject: tenantId, bucket: 'api', policy, usage: prepared.increment }),
    );
  };

  beforeAll(async () => {
    ({ app, redis } = await startUsageInstance(config(), { clock }));
    tracker = app.get(UsageTrackerService);
    producer = app.get(UsageProducer);
    meter = app.get(RequestUsageMeter);
  });
  beforeEach(() => silenceLogs());
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await app.close();
  });

  it('counts a replayed batch once', async () => {
    const tenantId = newTenantId();
    const batch = Array.from({ length: 20 }, () => sequencedCall(tenantId));
    for (const event of batch) tracker.bufferEvent(event);
    await tracker.drain();
    // The same batch again, as after a pipeline whose replies were lost: none of it counts again.
    for (const event of batch) tracker.bufferEvent(event);
    await tracker.drain();
    for (const event of batch) await tracker.record(event);

    expect(await apiCalls(tenantId)).toBe(20);
    expect(tracker.bufferedCount).toBe(0);
  });

  it('counts increments that land out of order, and each only once when retried', async () => {
    const tenantId = newTenantId();
    const [first, second, third] = [1, 2, 3].map(() => sequencedCall(tenantId)) as [
      UsageEvent,
      UsageEvent,
      UsageEvent,
    ];
    // The first one's write is held back (slow connection, or waiting for a replay) while later ones land.
    await tracker.record(third);
    await tracker.record(second);
    expect(await apiCalls(tenantId)).toBe(2);

    await tracker.record(first);
    expect(await apiCalls(tenantId)).toBe(3);
    for (const event of [third, first, second]) await tracker.record(event);
    expect(await apiCalls(tenantId)).toBe(3);
    // Once nothing older is unsettled, the marks shrink back to the floor alone.
    expect(await redis.exists(producerMarksKey(tenantId, PERIOD, producer.id))).toBe(1);
    await tracker.record(sequencedCall(tenantId));
    expect(await redis.exists(producerMarksKey(tenantId, PERIOD, producer.id))).toBe(0);
  });

  it('counts a decision whose reply was lost once, whichever path lands first', async () => {
    const tenantId = newTenantId();
    const rateLimiter = limiter();
    const landed = meter.prepare({}, tenantId, 1);
    const later = meter.prepare({}, tenantId, 1);
    await rateLimiter.consume({ subject: tenantId, bucket: 'api', policy, usage: later.increment });
    later.settle({ allowed: true, usageRecorded: true });
    await rateLimiter.consume({ subject: tenantId, bucket: 'api', policy, usage: landed.increment });
    // The limiter gave up waiting although Redis applied the script: the outcome is unknown, so it is replayed.
    landed.settle({ allowed: true, usageRecorded: false });
    await tracker.drain();
    await tracker.drain();

    expect(await apiCalls(tenantId)).toBe(2);
  });

  it('counts the sequences of a new producer (a restarted process) from 1 again', async () => {
    const tenantId = newTenantId();
    const rateLimiter = limiter();
    for (let i = 0; i < 3; i++) await meteredRequest(rateLimiter, tenantId);
    const restarted = await startUsageInstance(config(), { clock });
    try {
      const next = restarted.app.get(UsageProducer);
      expect(next.id).not.toBe(producer.id);
      for (let i = 0; i < 2; i++) {
        await meteredRequest(rateLimiter, tenantId, restarted.app.get(RequestUsageMeter));
      }
      await restarted.app.get(UsageTrackerService).record(sequencedCall(tenantId, next));
    } finally {
      await restarted.app.close();
    }

    expect(await apiCalls(tenantId)).toBe(6);
    const fields = Object.keys(await redis.hgetall(usageHashKey(tenantId, PERIOD)));
    expect(fields.filter((field) => field.startsWith(PRODUCER_FLOOR_FIELD_PREFIX))).toHaveLength(2);
    // Marks of sequences applied out of order expire with their producer's writes, whatever was left.
    for (const key of await keysMatching(producerMarksKey(tenantId, PERIOD, '*'))) {
      expect(await redis.ttl(key)).toBeGreaterThan(0);
      expect(await redis.ttl(key)).toBeLessThanOrEqual(PRODUCER_MARKS_TTL_SECONDS);
    }
  });

  it('keeps the number of Redis keys flat as requests grow', async () => {
    const tenants = [newTenantId(), newTenantId(), newTenantId()];
    const rateLimiter = limiter();
    const requests = async (count: number) => {
      for (let i = 0; i < count; i++) {
        await Promise.all(tenants.map((tenantId) => meteredRequest(rateLimiter, tenantId)));
      }
    };
    await requests(10);
    const keysAfterTen = await keyCount();
    await requests(400);
    // On a loaded machine a decision can outlast the limiter's budget: its increment is buffered and replayed
    // by the drain, and until it settles the tenant's later sequences land out of order, kept as marks. Redis
    // cannot tell which sequences between them belong to other tenants, so the marks shrink only when the
    // stream's next write carries the producer's floor past them (CLAIM_PRODUCER_SEQUENCE_LUA): that write
    // settles the marks, not the drain.
    await everyBufferedEventWritten();
    await requests(1);
    await everyBufferedEventWritten();

    expect(await keyCount()).toBe(keysAfterTen);
    for (const tenantId of tenants) {
      expect(await apiCalls(tenantId)).toBe(411);
      expect(await redis.zcard(producerMarksKey(tenantId, PERIOD, producer.id))).toBe(0);
    }
  });

  it('bounds the marks when an old increment stays unsettled', async () => {
    const tenantId = newTenantId();
    // Issued and never settled: every later sequence of the tenant-month lands out of order.
    producer.issue(tenantId, PERIOD);
    const pipeline = redis.pipeline();
    const count = PRODUCER_MARKS_MAX_OUT_OF_ORDER + 300;
    const events = Array.from({ length: count }, () => sequencedCall(tenantId));
    for (const event of events) tracker.bufferEvent(event);
    // A batch that outlasts the write budget (a loaded machine) stays buffered and is written again later,
    // counted once by its sequences: what matters is the state once everything is written.
    await everyBufferedEventWritten();
    pipeline.zcard(producerMarksKey(tenantId, PERIOD, producer.id));
    const [[, members] = []] = (await pipeline.exec()) ?? [];

    expect(await apiCalls(tenantId)).toBe(count);
    expect(members).toBeLessThanOrEqual(PRODUCER_MARKS_MAX_OUT_OF_ORDER + 2);
    expect(members).toBeGreaterThan(PRODUCER_MARKS_MAX_OUT_OF_ORDER - 2);
  });

  it('applies a storage growth once when its write is retried', async () => {
    const tenantId = newTenantId();
    const storage = app.get(StorageUsageService);
    const tenant = tenantWithQuota(tenantId);
    await storage.recordGrowth(tenant, 1_000);
    const sent = jest.spyOn(redis, 'evalsha');
    await storage.recordGrowth(tenant, 500);
    // The second growth's write, sent again with its sequence and floor (a retry after a lost reply).
    const [retried] = sent.mock.calls;
    expect(retried).toBeDefined();
    await (redis.evalsha as (...args: unknown[]) => Promise<unknown>)(...(retried as unknown[]));

    expect(await redis.hget(usageHashKey(tenantId, PERIOD), 'storage_bytes')).toBe('1500');
  });
});

describe('UsageProducer', () => {
  const tenantId = 'tenant';

  it('carries the oldest unsettled increment of the tenant-month as the floor', () => {
    const producer = new UsageProducer();
    const first = producer.issue(tenantId, PERIOD);
    const other = producer.issue('other-tenant', PERIOD);
    const second = producer.issue(tenantId, PERIOD);

    expect(producer.claimOf(second)).toMatchObject({ sequence: 3, floor: first.sequence });
    producer.settle(first);
    expect(producer.claimOf(second).floor).toBe(second.sequence);
    expect(producer.claimOf(other).floor).toBe(other.sequence);
  });

  it('stops an increment whose settlement never came from holding the floor, but not a buffered one', () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000);
    try {
      const producer = new UsageProducer();
      const lost = producer.issue(tenantId, PERIOD);
      const buffered = producer.issue(tenantId, PERIOD);
      producer.hold(buffered);
      now.mockReturnValue(1_000 + 61_000);
      const fresh = producer.issue(tenantId, PERIOD);

      expect(lost.sequence).toBeLessThan(buffered.sequence);
      expect(producer.claimOf(fresh).floor).toBe(buffered.sequence);
      producer.settle(buffered);
      producer.settle(fresh);
      expect(producer.unsettledStreams).toBe(0);
    } finally {
      now.mockRestore();
    }
  });
});
