import {
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.constant';
import { createRedisClient } from './create-redis-client';
import type { RedisClient } from './redis-client';
import { REDIS_CLIENT } from './redis-client.constant';

/**
 * Owns the shared Redis connection: connects at start without blocking boot (a Redis outage must not
 * keep the API from serving what it can), logs connection trouble once per outage, and closes on
 * shutdown.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createRedisClient(config.redis, `tenantpay-${config.env}`),
    },
  ],
  exports: [REDIS_CLIENT],
})
export class PlatformRedisModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private outage = false;

  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClient) {}

  async onModuleInit(): Promise<void> {
    this.redis.on('error', (error: Error) => {
      if (!this.outage) this.logger.warn(`Redis unavailable: ${error.message}`);
      this.outage = true;
    });
    this.redis.on('ready', () => {
      if (this.outage) this.logger.log('Redis connection restored');
      this.outage = false;
    });
    await this.redis.connect().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'end') return;
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
