import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@tenantpay/platform';

import { CountingRateLimiterMetrics } from './counting-rate-limiter-metrics';
import { RATE_LIMITER_OPTIONS, rateLimiterOptions } from './rate-limiter-options';
import { RATE_LIMITER_METRICS_EXPORTER, RateLimiterMetrics } from './rate-limiter-metrics';
import { RateLimiterService } from './rate-limiter.service';

/**
 * Provides {@link RateLimiterService} on the platform's shared Redis client (`REDIS_CLIENT`, from the
 * platform core module). Bind {@link RATE_LIMITER_METRICS_EXPORTER} to export metrics elsewhere.
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
    RateLimiterService,
  ],
  exports: [RateLimiterService, RateLimiterMetrics],
})
export class RateLimitingModule {}
