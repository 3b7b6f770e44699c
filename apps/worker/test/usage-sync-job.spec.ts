import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PlatformCoreModule, PlatformQueueModule } from '@tenantpay/platform';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { UsageTrackerService } from '@tenantpay/usage';
import { Types } from 'mongoose';
import { UsageWorkerModule } from '../src/usage/usage-worker.module';

describe('usage sync job (worker)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();

  it('copies changed counters to MongoDB on its schedule, as absolute values', async () => {
    const config = testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url });
    @Module({
      imports: [
        PlatformCoreModule.forRoot(config),
        PlatformQueueModule,
        UsageWorkerModule.forRoot({
          syncIntervalMs: 100,
          clock: { now: () => new Date('2025-05-20T10:00:00Z') },
        }),
      ],
    })
    class UsageSyncProbeModule {}
    const app = await NestFactory.createApplicationContext(UsageSyncProbeModule, { logger: false });
    await app.init();
    try {
      const tracker = app.get(UsageTrackerService);
      const tenantId = new Types.ObjectId().toHexString();
      const record = () => mongo.db.collection('usage_records').findOne({ tenantId, period: '2025-05' });
      const count = async (from: number, to: number) => {
        for (let i = from; i < to; i++) {
          await tracker.record({
            tenantId,
            period: '2025-05',
            eventId: `e${i}`,
            increments: { api_calls: 1, bandwidth_bytes: 10 },
            eventTtlSeconds: 60,
          });
        }
      };

      await count(0, 3);
      await waitFor(async () => (await record())?.['api_calls'] === 3);
      await count(3, 7);
      await waitFor(async () => (await record())?.['api_calls'] === 7);
      expect(await record()).toMatchObject({ api_calls: 7, bandwidth_bytes: 70, transactions: 0 });
    } finally {
      await app.close();
    }
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
