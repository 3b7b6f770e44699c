import type { RedisClient } from '@tenantpay/platform';
import type { INestApplicationContext } from '@nestjs/common';
import { AuditAction } from '@tenantpay/audit';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { Types } from 'mongoose';

import {
  RequestUsageMeter,
  USAGE_REDIS_SENTINEL_KEY,
  type UsageDataLossDetection,
  UsageMetrics,
  UsagePeriod,
  UsageReaderService,
  UsageSyncService,
  usageHashKey,
} from '../src';
import { ManualClock, newTenantId, silenceLogs, startUsageInstance, waitUntil } from './usage-test-module';

const JANUARY = UsagePeriod.parse('2025-01');

describe('usage when Redis loses its data', () => {
  const mongo = useTestMongo();
  const testRedis = useTestRedis();
  const clock = new ManualClock(new Date('2025-01-15T12:00:00Z'));
  let app: INestApplicationContext;
  let redis: RedisClient;
  let meter: RequestUsageMeter;
  let sync: UsageSyncService;
  let reader: UsageReaderService;
  let metrics: UsageMetrics;

  const config = () => testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: testRedis.url });
  const requests = async (tenantId: string, count: number) => {
    for (let i = 0; i < count; i++) await meter.recordStandalone(tenantId, 10, 0);
  };
  const persisted = async (tenantId: string) =>
    (await mongo.db.collection('usage_records').findOne({ tenantId, period: '2025-01' })) ?? {
      api_calls: 0,
    };
  const lossEvents = (tenantId?: string | null) =>
    mongo.db
      .collection('audit_events')
      .find({
        action: AuditAction.UsageRedisDataLost,
        ...(tenantId === undefined
          ? {}
          : { tenantId: tenantId === null ? null : new Types.ObjectId(tenantId) }),
      })
      .toArray();
  const losses = async (detectedBy: UsageDataLossDetection) =>
    (await metrics.redisDataLoss.get()).values.find((value) => value.labels['detected_by'] === detectedBy)
      ?.value ?? 0;
  const restartEmpty = async () => {
    await testRedis.restart();
    await waitUntil(() => redis.status === 'ready');
  };

  beforeAll(async () => {
    ({ app, redis } = await startUsageInstance(config(), { clock }));
    meter = app.get(RequestUsageMeter);
    sync = app.get(UsageSyncService);
    reader = app.get(UsageReaderService);
    metrics = app.get(UsageMetrics);
  });
  beforeEach(() => silenceLogs());
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    await app.close();
  });

  it('reports nothing while Redis keeps its data', async () => {
    const tenantId = newTenantId();
    await requests(tenantId, 3);
    await sync.syncAll();
    const before = await lossEvents();
    await requests(tenantId, 2);
    await sync.syncAll();
    await sync.syncAll();

    expect(await lossEvents()).toEqual(before);
    expect((await persisted(tenantId))['api_calls']).toBe(5);
  });

  it('keeps MongoDB as the floor after Redis restarts empty: totals are before plus after, and the loss is reported', async () => {
    const tenantId = newTenantId();
    const idle = newTenantId();
    await requests(tenantId, 40);
    await requests(idle, 7);
    await sync.syncAll();
    // Counted after the last sync: this is what the restart loses.
    await requests(tenantId, 5);
    const [sentinelBefore, missingBefore] = [await losses('sentinel'), await losses('period_missing')];

    await restartEmpty();
    expect((await reader.read(tenantId, JANUARY)).counters.api_calls).toBe(40);
    await requests(tenantId, 12);
    expect((await reader.read(tenantId, JANUARY)).counters.api_calls).toBe(52);
    await sync.syncAll();
    await sync.syncAll();

    expect(await persisted(tenantId)).toMatchObject({ api_calls: 52, bandwidth_bytes: 520 });
    expect(await persisted(idle)).toMatchObject({ api_calls: 7 });
    expect((await reader.read(tenantId, JANUARY)).counters.api_calls).toBe(52);
    expect(await redis.exists(USAGE_REDIS_SENTINEL_KEY)).toBe(1);
    expect(await losses('sentinel')).toBe(sentinelBefore + 1);
    expect(await losses('period_missing')).toBe(missingBefore + 1);
    expect(await lossEvents(null)).toEqual([
      expect.objectContaining({ outcome: 'failure', metadata: { detectedBy: 'sentinel' } }),
    ]);
    expect(await lossEvents(tenantId)).toEqual([
      expect.objectContaining({
        actor: { type: 'system' },
        resource: { type: 'usage_period', id: '2025-01' },
        metadata: expect.objectContaining({
          detectedBy: 'period_missing',
          persisted: expect.objectContaining({ api_calls: 40 }),
          redisAfterRepair: expect.objectContaining({ api_calls: 52 }),
        }),
      }),
    ]);
  });

  it('raises a hash that came back behind MongoDB (an older copy of Redis), so later counts are not swallowed', async () => {
    const tenantId = newTenantId();
    await requests(tenantId, 30);
    await sync.syncAll();
    // Redis restored from a copy older than the last sync: the hash has its baseline but holds less.
    await redis.hset(usageHashKey(tenantId, '2025-01'), 'api_calls', 26);
    const behindBefore = await losses('period_behind');

    // The first request after the restore marks the tenant for the sync, which finds the hash behind.
    await requests(tenantId, 1);
    await sync.syncAll();
    expect(await redis.hget(usageHashKey(tenantId, '2025-01'), 'api_calls')).toBe('30');
    await requests(tenantId, 5);
    await sync.syncAll();

    expect(await persisted(tenantId)).toMatchObject({ api_calls: 35 });
    expect(await losses('period_behind')).toBe(behindBefore + 1);
    expect(await lossEvents(tenantId)).toEqual([
      expect.objectContaining({
        metadata: expect.objectContaining({
          detectedBy: 'period_behind',
          persisted: expect.objectContaining({ api_calls: 30 }),
        }),
      }),
    ]);
  });
});
