import { BullModule } from '@nestjs/bullmq';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.constant';
import { closeQueueConnection, type QueueConnection, queueConnection } from './queue-connection';

const QUEUE_CONNECTION = Symbol('QUEUE_CONNECTION');

/** Owns the producers' and processors' queue connection, so it is closed on shutdown (see queueConnection). */
@Module({
  providers: [
    {
      provide: QUEUE_CONNECTION,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => queueConnection(config.redis, `tenantpay-${config.env}-queues`),
    },
  ],
  exports: [QUEUE_CONNECTION],
})
class QueueConnectionModule implements OnApplicationShutdown {
  constructor(@Inject(QUEUE_CONNECTION) private readonly queue: QueueConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await closeQueueConnection(this.queue);
  }
}

/**
 * BullMQ's connection for producers (api) and processors (worker), on either Redis topology. Finished jobs
 * are kept for a bounded time so they can be inspected.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      imports: [QueueConnectionModule],
      inject: [QUEUE_CONNECTION],
      useFactory: ({ connection, prefix }: QueueConnection) => ({
        connection,
        prefix,
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
