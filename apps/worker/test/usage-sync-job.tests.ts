import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { PAYMENT_COLLECTION } from '@tenantpay/payments';
import { eventually, testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import {
  USAGE_CLOCK,
  USAGE_OPTIONS,
  UsageMonthCloseService,
  usageOptions,
  UsageTrackerService,
} from '@tenantpay/usage';
import { Types } from 'mongoose';
import { WorkerModule } from '../src/worker.module';

describe('usage jobs (worker)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let now = new Date('2025-05-20T10:00:00Z');
  let app: INestApplicationContext;

  // Nested, so the app (and its BullMQ connections) closes before useTestRedis stops Redis.
  describe('with the worker running', () => {
    beforeAll(async () => {
      const config = testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url });
      // The real worker: its schedules are kept by WorkerSchedulesModule, not by the usage module.
      const moduleRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] })
        .overrideProvider(USAGE_OPTIONS)
        .useValue(usageOptions({ syncIntervalMs: 100 }))
        .overrideProvider(USAGE_CLOCK)
        .useValue({ now: () => now })
        .compile();
      moduleRef.useLogger(false);
      app = await moduleRef.init();
    });
    afterAll(async () => {
      await app.close();
    });

    const usageRecord = (tenantId: string, period: string) =>
      mongo.db.collection('usage_records').findOne({ tenantId, period });
    const count = async (tenantId: string, period: string, from: number, to: number, increments = {}) => {
      const tracker = app.get(UsageTrackerService);
      for (let i = from; i < to; i++) {
        await tracker.record({
          tenantId,
          period,
          eventId: `e${i}`,
          increments: { api_calls: 1, bandwidth_bytes: 10, ...increments },
          eventTtlSeconds: 60,
        });
      }
    };

    it('copies changed counters to MongoDB on its schedule, as absolute values', async () => {
      const tenantId = new Types.ObjectId().toHexString();
      await count(tenantId, '2025-05', 0, 3);
      await eventually(
        '3 api calls copied',
        async () => (await usageRecord(tenantId, '2025-05'))?.['api_calls'] === 3,
      );
      await count(tenantId, '2025-05', 3, 7);
      await eventually(
        '7 api calls copied',
        async () => (await usageRecord(tenantId, '2025-05'))?.['api_calls'] === 7,
      );
      expect(await usageRecord(tenantId, '2025-05')).toMatchObject({
        api_calls: 7,
        bandwidth_bytes: 70,
        transactions: 0,
      });
    });

    it('closes a month with the payments collection’s count, correcting a wrong metered one', async () => {
      const tenant = new Types.ObjectId();
      const other = new Types.ObjectId();
      const payment = (tenantId: Types.ObjectId, createdAt: string, deletedAt: Date | null = null) => ({
        tenantId,
        reference: new Types.ObjectId().toHexString(),
        amount: 100,
        currency: 'EUR',
        method: 'card',
        status: 'PENDING',
        createdAt: new Date(createdAt),
        deletedAt,
      });
      await mongo.db
        .collection(PAYMENT_COLLECTION)
        .insertMany([
          payment(tenant, '2025-04-01T00:00:00.000Z'),
          payment(tenant, '2025-04-15T12:00:00Z'),
          payment(tenant, '2025-04-30T23:59:59.999Z', new Date('2025-05-02T00:00:00Z')),
          payment(tenant, '2025-03-31T23:59:59.999Z'),
          payment(tenant, '2025-05-01T00:00:00.000Z'),
          payment(other, '2025-04-10T00:00:00Z'),
        ]);
      // Metering counted 5 (a timed-out write counted twice, say): Redis and MongoDB both hold the wrong number.
      await count(tenant.toHexString(), '2025-04', 0, 5, { transactions: 1 });
      await eventually(
        '5 metered transactions copied',
        async () => (await usageRecord(tenant.toHexString(), '2025-04'))?.['transactions'] === 5,
      );

      now = new Date('2025-05-04T00:00:01Z'); // April's 3-day grace period is over
      await app.get(UsageMonthCloseService).closeDuePeriods();

      expect(await usageRecord(tenant.toHexString(), '2025-04')).toMatchObject({
        transactions: 3,
        meteredTransactions: 5,
        closedAt: expect.any(Date),
      });
    });
  });
});
