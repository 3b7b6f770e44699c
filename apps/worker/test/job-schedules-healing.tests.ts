import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { PAYMENTS_MAINTENANCE_QUEUE, PaymentMaintenanceJobName } from '@tenantpay/payments';
import { OFFBOARDING_QUEUE, OFFBOARDING_SWEEP_JOB } from '@tenantpay/offboarding';
import { METRICS_REGISTRY } from '@tenantpay/platform';
import { eventually, testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import {
  USAGE_MONTH_CLOSE_JOB,
  USAGE_OPTIONS,
  USAGE_QUEUE,
  USAGE_SYNC_JOB,
  usageOptions,
  UsageTrackerService,
} from '@tenantpay/usage';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Types } from 'mongoose';
import type { Registry } from 'prom-client';
import { WorkerModule } from '../src/worker.module';

const SYNC_EVERY_MS = 300;
const SWEEP_EVERY_MS = 1_000;

/**
 * Redis loses its data under a running worker (FLUSHALL, or a restart with no persistence): every repeatable
 * job must be back within one interval and run again, with no worker restart.
 */
describe('job schedules heal after Redis loses its data (worker)', () => {
  // Declared before useTestRedis/useTestMongo: the worker must close while Redis is still up.
  afterAll(async () => {
    await app?.close();
    redisClient?.disconnect();
  });
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: INestApplicationContext;
  let redisClient: Redis;
  let period: string;
  let eventSequence = 0;

  beforeAll(async () => {
    const config = testAppConfig({
      MONGODB_URI: mongo.uri,
      REDIS_URL: redis.url,
      PAYMENTS_SWEEP_INTERVAL_MS: String(SWEEP_EVERY_MS),
    });
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] })
      .overrideProvider(USAGE_OPTIONS)
      .useValue(usageOptions({ syncIntervalMs: SYNC_EVERY_MS }))
      .compile();
    moduleRef.useLogger(false);
    app = await moduleRef.init();
    redisClient = new Redis(redis.url);
    redisClient.on('error', () => undefined);
    period = new Date().toISOString().slice(0, 7);
  });

  const schedulers = async (): Promise<string[]> => {
    const usage = app.get<Queue>(getQueueToken(USAGE_QUEUE));
    const maintenance = app.get<Queue>(getQueueToken(PAYMENTS_MAINTENANCE_QUEUE));
    const offboarding = app.get<Queue>(getQueueToken(OFFBOARDING_QUEUE));
    const names = await Promise.all(
      [usage, maintenance, offboarding].map(async (queue) =>
        (await queue.getJobSchedulers()).map((s) => s.key),
      ),
    );
    return names.flat().sort();
  };
  const EVERY_SCHEDULE = [
    USAGE_SYNC_JOB,
    USAGE_MONTH_CLOSE_JOB,
    PaymentMaintenanceJobName.SweepStuckPayments,
    PaymentMaintenanceJobName.SweepStuckBatches,
    PaymentMaintenanceJobName.DispatchPaymentEvents,
    OFFBOARDING_SWEEP_JOB,
  ].sort();

  /**
   * One api call metered in Redis for a tenant new to this run; resolves once the usage sync has copied it to
   * MongoDB. A new tenant each time, so what is shown is that the sync runs, not how a tenant-month that lost
   * its Redis counter is rebased (usage-redis-data-loss.spec.ts owns that).
   */
  const meterAndAwaitSync = async (): Promise<void> => {
    const tenantId = new Types.ObjectId().toHexString();
    await app.get(UsageTrackerService).record({
      tenantId,
      period,
      eventId: `heal-${++eventSequence}`,
      increments: { api_calls: 1 },
      eventTtlSeconds: 60,
    });
    await eventually('the usage sync to copy the counter to MongoDB', async () => {
      const record = await mongo.db.collection('usage_records').findOne({ tenantId, period });
      return (record?.['api_calls'] as number | undefined) === 1;
    });
  };

  const recreatedCount = async (): Promise<number> => {
    const metric = await app
      .get<Registry>(METRICS_REGISTRY)
      .getSingleMetric('job_schedulers_recreated_total')
      ?.get();
    return (metric?.values ?? []).reduce((sum, value) => sum + value.value, 0);
  };

  it('registers every repeatable job at start', async () => {
    expect(await schedulers()).toEqual(EVERY_SCHEDULE);
    await meterAndAwaitSync();
  });

  it('after FLUSHALL: every schedule is back, the usage sync runs again, and the loss is counted', async () => {
    const before = await recreatedCount();
    await redisClient.flushall();
    // No check that the schedules are gone right after the flush: the keeper may already have run. The
    // recreated counter below proves each was found missing. How fast they come back is not a test's
    // business (the keeper checks every shortest interval and on reconnect); that they come back is.
    await eventually(
      'the schedules to be re-created',
      async () => (await schedulers()).length === EVERY_SCHEDULE.length,
    );
    expect(await schedulers()).toEqual(EVERY_SCHEDULE);
    await meterAndAwaitSync();
    expect(await recreatedCount()).toBeGreaterThanOrEqual(before + 4);
  });

  it('after a Redis restart with no data: the schedules are re-created on reconnect and the sync runs', async () => {
    await redis.restart();
    await eventually(
      'the schedules to be re-created',
      async () => (await schedulers()).length === EVERY_SCHEDULE.length,
    );
    expect(await schedulers()).toEqual(EVERY_SCHEDULE);
    await meterAndAwaitSync();
  });
});
