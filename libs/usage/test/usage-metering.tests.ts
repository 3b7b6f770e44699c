import type { RedisClient } from '@tenantpay/platform';
import type { INestApplicationContext } from '@nestjs/common';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import {
  RequestUsageMeter,
  StorageUsageService,
  TransactionQuotaService,
  type UsageEvent,
  UsageMetrics,
  UsageMonthCloseService,
  UsagePeriod,
  UsageReaderService,
  UsageSyncService,
  UsageDirtyShards,
  UsageTrackerService,
  usageDirtyMember,
  usageDirtySetKey,
  usageHashKey,
  usageSyncingSetKey,
  USAGE_CHANGED_SHARDS_KEY,
  USAGE_FULL_WALK_EVERY_MS,
} from '../src';
import { UsageRecordsRepository } from '../src/usage-records.repository';

import {
  FixedTransactionCounter,
  ManualClock,
  newTenantId,
  RecordingPublisher,
  silenceLogs,
  startUsageInstance,
  tenantWithQuota,
  waitUntil,
  GENEROUS_RATE_LIMIT_POLICY,
  rateLimiterOn,
} from './usage-test-module';

const JANUARY = UsagePeriod.parse('2025-01');

describe('usage metering (SPEC §8)', () => {
  const mongo = useTestMongo();
  const testRedis = useTestRedis();
  const clock = new ManualClock(new Date('2025-01-15T12:00:00Z'));
  const publisher = new RecordingPublisher();
  const counter = new FixedTransactionCounter();
  let app: INestApplicationContext;
  let redis: RedisClient;
  let tracker: UsageTrackerService;
  let reader: UsageReaderService;
  let sync: UsageSyncService;

  const config = () => testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: testRedis.url });
  const apiCall = (tenantId: string, eventId: string, period = '2025-01'): UsageEvent => ({
    tenantId,
    period,
    eventId,
    increments: { api_calls: 1, bandwidth_bytes: 100 },
    eventTtlSeconds: 3600,
  });
  const read = async (tenantId: string, period = JANUARY) => (await reader.read(tenantId, period)).counters;
  const persisted = (tenantId: string, period = '2025-01') =>
    mongo.db.collection('usage_records').findOne({ tenantId, period });

  beforeAll(async () => {
    ({ app, redis } = await startUsageInstance(config(), { clock, publisher, counter }));
    tracker = app.get(UsageTrackerService);
    reader = app.get(UsageReaderService);
    sync = app.get(UsageSyncService);
  });
  beforeEach(() => {
    silenceLogs();
    clock.set('2025-01-15T12:00:00Z');
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await app.close();
  });

  describe('UsageTrackerService.record', () => {
    it('counts an event once however often it is written', async () => {
      const tenantId = newTenantId();
      for (let i = 0; i < 3; i++) await tracker.record(apiCall(tenantId, 'request-1'));
      await tracker.record(apiCall(tenantId, 'request-2'));

      expect(await redis.hgetall(usageHashKey(tenantId, '2025-01'))).toMatchObject({
        api_calls: '2',
        bandwidth_bytes: '200',
      });
      expect(await redis.ttl(usageHashKey(tenantId, '2025-01'))).toBeGreaterThan(89 * 24 * 3600);
      const shard = UsageDirtyShards.tagFor(tenantId);
      expect(await redis.sismember(usageDirtySetKey(shard), usageDirtyMember('2025-01', tenantId))).toBe(1);
    });

    it('files events in UTC months, whatever the server time zone', async () => {
      const tenantId = newTenantId();
      const meter = app.get(RequestUsageMeter);
      clock.set('2025-01-31T23:59:59.999Z');
      await meter.recordStandalone(tenantId, 10, 20);
      clock.set('2025-02-01T00:00:00.000Z');
      await meter.recordStandalone(tenantId, 1, 2);

      expect(await redis.hget(usageHashKey(tenantId, '2025-01'), 'bandwidth_bytes')).toBe('30');
      expect(await redis.hget(usageHashKey(tenantId, '2025-02'), 'bandwidth_bytes')).toBe('3');
      // 00:30 in Paris on 1 February is still January in UTC.
      expect(UsagePeriod.containing(new Date('2025-02-01T00:30:00+01:00')).toString()).toBe('2025-01');
    });
  });

  describe('RequestUsageMeter with the rate limiter', () => {
    const policy = GENEROUS_RATE_LIMIT_POLICY;
    const limiter = () => rateLimiterOn(redis);

    it('meters a request inside the limiter’s decision: one Redis command per request in total', async () => {
      const tenantId = newTenantId();
      const meter = app.get(RequestUsageMeter);
      const rateLimiter = limiter();
      const decide = async (requestBytes: number) => {
        const request = {};
        const prepared = meter.prepare(request, tenantId, requestBytes);
        const decision = await rateLimiter.consume({
          subject: tenantId,
          bucket: 'api',
          policy,
          usage: prepared.increment,
        });
        prepared.settle(decision);
        expect(meter.wasComposed(request)).toBe(true);
        return decision;
      };
      await decide(0); // loads the script

      const sent = jest.spyOn(redis, 'sendCommand');
      for (let i = 0; i < 10; i++) await decide(50);

      // Beside them, at most one note a second that the tenant's shard changed (ChangedUsageShards).
      const [decisions, notes] = partition(sent.mock.calls, ([command]) => command.name === 'evalsha');
      expect(decisions).toHaveLength(10);
      for (const [note] of notes)
        expect([note.name, note.args[0]]).toEqual(['zadd', USAGE_CHANGED_SHARDS_KEY]);
      expect(notes.length).toBeLessThanOrEqual(1);
      // One slot per call, as Redis Cluster requires: every key carries a tag of the tenant's slot.
      const [first] = sent.mock.calls[0] ?? [];
      const keyCount = Number(first?.args[1]);
      const keys = (first?.args ?? []).slice(2, 2 + keyCount).map(String);
      expect(keys).toContain(usageDirtySetKey(UsageDirtyShards.tagFor(tenantId)));
      expect(
        new Set(keys.map((key) => UsageDirtyShards.slotOf(/\{([^}]+)\}/.exec(key)?.[1] ?? key))),
      ).toEqual(new Set([UsageDirtyShards.slotOf(tenantId)]));
      expect(await redis.hgetall(usageHashKey(tenantId, '2025-01'))).toMatchObject({
        api_calls: '11',
        bandwidth_bytes: '500',
      });
    });

    it('serves a usage read from the hash its metering write read back: one Redis command for both', async () => {
      const tenantId = newTenantId();
      const meter = app.get(RequestUsageMeter);
      const rateLimiter = limiter();
      const readOwnUsage = async () => {
        const request = {};
        const prepared = meter.prepare(request, tenantId, 0, true);
        prepared.settle(
          await rateLimiter.consume({ subject: tenantId, bucket: 'api', policy, usage: prepared.increment }),
        );
        return (await reader.read(tenantId, JANUARY, meter.meteredUsageOf(request))).counters.api_calls;
      };
      expect(await readOwnUsage()).toBe(1);
      await sync.syncAll(); // gives the hash its baseline, as the worker does

      const sent = jest.spyOn(redis, 'sendCommand');
      const answers = [await readOwnUsage(), await readOwnUsage(), await readOwnUsage()];

      expect(answers).toEqual([2, 3, 4]);
      // Beside them, at most one note a second that the tenant's shard changed (ChangedUsageShards).
      const [decisions, notes] = partition(sent.mock.calls, ([command]) => command.name === 'evalsha');
      expect(decisions).toHaveLength(3);
      for (const [note] of notes)
        expect([note.name, note.args[0]]).toEqual(['zadd', USAGE_CHANGED_SHARDS_KEY]);
      expect(notes.length).toBeLessThanOrEqual(1);
    });

    it('carries response bytes with the tenant’s next request, and writes leftovers with the drain', async () => {
      const tenantId = newTenantId();
      const meter = app.get(RequestUsageMeter);
      const rateLimiter = limiter();
      meter.addResponseBytes(tenantId, 700);
      const prepared = meter.prepare({}, tenantId, 10);
      prepared.settle(
        await rateLimiter.consume({ subject: tenantId, bucket: 'api', policy, usage: prepared.increment }),
      );
      expect(await redis.hget(usageHashKey(tenantId, '2025-01'), 'bandwidth_bytes')).toBe('710');

      meter.addResponseBytes(tenantId, 5);
      await tracker.drain();
      await waitUntil(
        async () => (await redis.hget(usageHashKey(tenantId, '2025-01'), 'bandwidth_bytes')) === '715',
      );
    });

    it('replays a decision that did not reach Redis under its event id, so a write that landed counts once', async () => {
      const tenantId = newTenantId();
      const meter = app.get(RequestUsageMeter);
      const landed = meter.prepare({}, tenantId, 1);
      await limiter().consume({ subject: tenantId, bucket: 'api', policy, usage: landed.increment });
      // The limiter timed out after Redis had applied the script: the outcome is unknown, so it is replayed.
      landed.settle({ allowed: true, usageRecorded: false });
      const lost = meter.prepare({}, tenantId, 1);
      lost.settle({ allowed: true, usageRecorded: false });
      await tracker.drain();

      expect(await redis.hget(usageHashKey(tenantId, '2025-01'), 'api_calls')).toBe('2');
    });

    it('does not count a refused request, but keeps the bytes it carried', async () => {
      const tenantId = newTenantId();
      const meter = app.get(RequestUsageMeter);
      meter.addResponseBytes(tenantId, 300);
      meter.prepare({}, tenantId, 1).settle({ allowed: false, usageRecorded: false });
      await tracker.drain();

      const usage = await redis.hgetall(usageHashKey(tenantId, '2025-01'));
      expect(usage['api_calls']).toBeUndefined();
      expect(usage['bandwidth_bytes']).toBe('300');
    });
  });

  describe('durability', () => {
    it('copies counters to MongoDB as absolute values, idempotently', async () => {
      const tenantId = newTenantId();
      for (let i = 0; i < 4; i++) await tracker.record(apiCall(tenantId, `e${i}`));
      await sync.syncAll();
      await sync.syncAll();

      expect(await persisted(tenantId)).toMatchObject({
        api_calls: 4,
        bandwidth_bytes: 400,
        transactions: 0,
      });
      const shard = UsageDirtyShards.tagFor(tenantId);
      expect(await redis.exists(usageDirtySetKey(shard), usageSyncingSetKey(shard))).toBe(0);
    });

    it('finds changed tenants without scanning the keyspace, and finishes a sync that died half-way', async () => {
      const tenantId = newTenantId();
      await tracker.record(apiCall(tenantId, 'before-crash'));
      const shard = UsageDirtyShards.tagFor(tenantId);
      // A sync claimed the shard (dirty → syncing) and died before copying.
      await redis.sunionstore(usageSyncingSetKey(shard), usageSyncingSetKey(shard), usageDirtySetKey(shard));
      await redis.del(usageDirtySetKey(shard));

      const sent = jest.spyOn(redis, 'sendCommand');
      await sync.syncAll();

      const names = new Set(sent.mock.calls.map(([command]) => command.name));
      expect([...names].filter((name) => ['scan', 'keys'].includes(name))).toEqual([]);
      expect(await persisted(tenantId)).toMatchObject({ api_calls: 1 });
      expect(await redis.exists(usageDirtySetKey(shard), usageSyncingSetKey(shard))).toBe(0);
    });

    it('between walks of every shard, probes only the shards noted as changing', async () => {
      await sync.syncAll();
      const tenantId = newTenantId();
      await tracker.record(apiCall(tenantId, 'noted'));

      const sent = jest.spyOn(redis, 'sendCommand');
      await sync.syncAll();

      const probes = sent.mock.calls.filter(([command]) => command.name === 'exists').length;
      expect(probes).toBeLessThan(10);
      expect(await persisted(tenantId)).toMatchObject({ api_calls: 1 });
    });

    it('finds a change whose note was lost at its next walk of every shard', async () => {
      await sync.syncAll();
      const tenantId = newTenantId();
      await tracker.record(apiCall(tenantId, 'note-lost'));
      await redis.del(USAGE_CHANGED_SHARDS_KEY);

      await sync.syncAll();
      expect(await persisted(tenantId)).toBeNull();

      const later = Date.now() + USAGE_FULL_WALK_EVERY_MS + 1;
      jest.spyOn(Date, 'now').mockReturnValue(later);
      await sync.syncAll();
      expect(await persisted(tenantId)).toMatchObject({ api_calls: 1 });
    });

    it('serves requests while Redis is down and replays the buffered usage once when it returns', async () => {
      const tenantId = newTenantId();
      for (let i = 0; i < 3; i++) await tracker.record(apiCall(tenantId, `before-${i}`));
      await sync.syncAll();

      await testRedis.stop();
      for (let i = 0; i < 5; i++) {
        const written = await tracker.record(apiCall(tenantId, `during-${i}`));
        expect(written).toMatchObject({ written: false, buffered: true });
      }
      // A write retried by its caller while Redis is down is still one event.
      await tracker.record(apiCall(tenantId, 'during-0'));
      expect(await read(tenantId)).toMatchObject({ api_calls: 9 }); // persisted 3 + buffered (duplicate included)

      await testRedis.restart();
      await waitUntil(() => tracker.bufferedCount === 0 && redis.status === 'ready');
      await tracker.drain();
      expect(await read(tenantId)).toMatchObject({ api_calls: 8, bandwidth_bytes: 800 });

      await sync.syncAll();
      await tracker.drain();
      expect(await persisted(tenantId)).toMatchObject({ api_calls: 8, bandwidth_bytes: 800 });
      expect(await read(tenantId)).toMatchObject({ api_calls: 8 });
    });

    it('never reads less than was persisted after Redis restarts empty, and bills what a known producer meters before the next sync', async () => {
      const tenantId = newTenantId();
      for (let i = 0; i < 10; i++) await tracker.record(apiCall(tenantId, `a${i}`));
      await sync.syncAll();
      expect(await read(tenantId)).toMatchObject({ api_calls: 10 });

      await testRedis.restart();
      await waitUntil(() => redis.status === 'ready');
      expect(await read(tenantId)).toMatchObject({ api_calls: 10, bandwidth_bytes: 1000 });

      // A producer MongoDB has marks for writes before the hash is seeded: its first sequence in the rebuilt
      // hash is fresh, not one MongoDB's marks cover, so the hash is not an older copy and its counts are added.
      for (let i = 0; i < 5; i++) await tracker.record(apiCall(tenantId, `b${i}`));
      expect(await read(tenantId)).toMatchObject({ api_calls: 15 });
      await sync.syncAll();
      expect(await persisted(tenantId)).toMatchObject({ api_calls: 15, bandwidth_bytes: 1500 });
      expect(await redis.hget(usageHashKey(tenantId, '2025-01'), 'api_calls')).toBe('15');
      await tracker.record(apiCall(tenantId, 'c0'));
      expect(await read(tenantId)).toMatchObject({ api_calls: 16 });
    });

    it('drops the oldest events when the outage buffer is full, and counts the drops', async () => {
      const small = await startUsageInstance(config(), { clock, bufferCapacity: 3 });
      try {
        const smallTracker = small.app.get(UsageTrackerService);
        const tenantId = newTenantId();
        for (let i = 0; i < 5; i++) smallTracker.bufferEvent(apiCall(tenantId, `x${i}`));
        expect(smallTracker.bufferedCount).toBe(3);
        expect(small.app.get(UsageMetrics).droppedCount).toBe(2);
      } finally {
        await small.app.close();
      }
    });

    it('reads an open period with its baselined hash from Redis alone once MongoDB’s copy is known', async () => {
      const tenantId = newTenantId();
      for (let i = 0; i < 2; i++) await tracker.record(apiCall(tenantId, `first-${i}`));
      await sync.syncAll();
      expect(await read(tenantId)).toMatchObject({ api_calls: 2 });

      const mongoReads = jest.spyOn(app.get(UsageRecordsRepository), 'findMany');
      await tracker.record(apiCall(tenantId, 'second'));
      expect(await read(tenantId)).toMatchObject({ api_calls: 3, bandwidth_bytes: 300 });
      expect(mongoReads).not.toHaveBeenCalled();

      // The hash lost its baseline (Redis lost the period, and with it the unsynced 'second'): MongoDB is read
      // again, and the rebuilt hash's count comes on top of it (its producer's first sequence there is fresh).
      await redis.del(usageHashKey(tenantId, '2025-01'));
      await tracker.record(apiCall(tenantId, 'after-loss'));
      expect(await read(tenantId)).toMatchObject({ api_calls: 3 });
      expect(mongoReads).toHaveBeenCalledTimes(1);
    });

    it('reads MongoDB on every read of a period month close may already have closed', async () => {
      const tenantId = newTenantId();
      await tracker.record(apiCall(tenantId, 'january'));
      await sync.syncAll();
      clock.set('2025-03-01T00:00:00Z');
      const mongoReads = jest.spyOn(app.get(UsageRecordsRepository), 'findMany');
      expect(await read(tenantId)).toMatchObject({ api_calls: 1 });
      expect(await read(tenantId)).toMatchObject({ api_calls: 1 });
      expect(mongoReads).toHaveBeenCalledTimes(2);
    });

    it('serves old periods from MongoDB once their hash has expired', async () => {
      const tenantId = newTenantId();
      await tracker.record(apiCall(tenantId, 'old'));
      await sync.syncAll();
      await redis.del(usageHashKey(tenantId, '2025-01'));
      expect(await read(tenantId)).toMatchObject({ api_calls: 1, bandwidth_bytes: 100 });
    });
  });

  describe('StorageUsageService', () => {
    it('reports the most a tenant stored in each period, carrying the total across months', async () => {
      const tenant = tenantWithQuota(newTenantId());
      const storage = app.get(StorageUsageService);
      await storage.recordGrowth(tenant, 100);
      await storage.recordGrowth(tenant, 50);
      await storage.recordGrowth(tenant, -120);
      expect(await read(tenant.id)).toMatchObject({ storage_bytes: 150 });

      clock.set('2025-02-03T00:00:00Z');
      await storage.recordGrowth(tenant, 10);
      expect(await read(tenant.id, UsagePeriod.parse('2025-02'))).toMatchObject({ storage_bytes: 40 });
    });
  });

  describe('UsageMonthCloseService', () => {
    it('reconciles transactions against payments after the grace period and freezes the period', async () => {
      const tenant = tenantWithQuota(newTenantId(), 100);
      const quota = app.get(TransactionQuotaService);
      for (let i = 0; i < 5; i++) await quota.recordCreated(tenant, `pay_${i}`, null);
      counter.counts.set(`${tenant.id}:2025-01`, 6);
      const close = app.get(UsageMonthCloseService);

      clock.set('2025-02-02T00:00:00Z'); // within the 3-day grace period
      await close.closeDuePeriods();
      expect(await persisted(tenant.id)).toMatchObject({ transactions: 5, closedAt: null });

      clock.set('2025-02-04T00:00:01Z');
      await close.closeDuePeriods();
      expect(await persisted(tenant.id)).toMatchObject({ transactions: 6, meteredTransactions: 5 });
      expect(await reader.read(tenant.id, JANUARY)).toMatchObject({
        closed: true,
        counters: { transactions: 6 },
      });

      // A late event for the closed period does not reopen it.
      await tracker.record({ ...apiCall(tenant.id, 'late'), increments: { transactions: 3 } });
      await sync.syncAll();
      expect(await persisted(tenant.id)).toMatchObject({ transactions: 6 });
    });
  });
});

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}
