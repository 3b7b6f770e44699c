import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.constant';
import { redisConnectionOptions } from '../redis/redis-connection-options';

/**
 * BullMQ's connection for producers (api) and processors (worker). BullMQ needs
 * `maxRetriesPerRequest: null` on its connections: a blocking job fetch must wait out a Redis blip
 * instead of erroring. Finished jobs are kept for a bounded time so they can be inspected.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: { ...redisConnectionOptions(config.redis.url), maxRetriesPerRequest: null },
        defaultJobOptions: {
          removeOnComplete: { age: 24 * 3600, count: 10_000 },
          removeOnFail: { age: 7 * 24 * 3600, count: 50_000 },
        },
      }),
    }),
  ],
  exports: [BullModule],
})
export class PlatformQueueModule {}
