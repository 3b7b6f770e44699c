import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, RedisConnectionPool } from '@tenantpay/platform';

import { CountingRateLimiterMetrics } from './counting-rate-limiter-metrics';
import { RATE_LIMITER_OPTIONS, rateLimiterOptions } from './rate-limiter-options';
import { RATE_LIMITER_METRICS_EXPORTER, RateLimiterMetrics } from './rate-limiter-metrics';
import { RateLimiterService } from './rate-limiter.service';
import { RATE_LIMIT_REDIS_CONNECTIONS, RATE_LIMIT_REDIS_POOL } from './rate-limiting.constant';

/**
 * Provides {@link RateLimiterService} on Redis connections of its own (the configured Redis, not the shared
 * client: see RedisConnectionPool for why), which it opens at start and closes on shutdown. Bind
 * {@link RATE_LIMITER_METRICS_EXPORTER} to export metrics elsewhere.
 */
@Module({
  providers: [
    {
      provide: RATE_LIMITER_OPTIONS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => rateLimiterOptions(config),
    },
    {
      provide: RateLimiterMetrics,
      inject: [{ token: RATE_LIMITER_METRICS_EXPORTER, optional: true }],
      useFactory: (exporter?: RateLimiterMetrics) => exporter ?? new CountingRateLimiterMetrics(),
    },
    {
      provide: RATE_LIMIT_REDIS_POOL,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        RedisConnectionPool.create(
          config.redis,
          `tenantpay-${config.env}-rate-limit`,
          RATE_LIMIT_REDIS_CONNECTIONS,
        ),
    },
    RateLimiterService,
  ],
  exports: [RateLimiterService, RateLimiterMetrics],
})
export class RateLimitingModule {}
