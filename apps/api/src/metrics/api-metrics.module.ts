import { Global, Module } from '@nestjs/common';
import { MetricsModule } from '@tenantpay/platform';
import { RATE_LIMITER_METRICS_EXPORTER } from '@tenantpay/rate-limiting';
import { TenancyMetrics } from '@tenantpay/tenancy';
import { MetricsController } from './metrics.controller';
import { PrometheusRateLimiterMetrics } from './prometheus-rate-limiter-metrics';
import { PrometheusTenancyMetrics } from './prometheus-tenancy-metrics';

/**
 * `/metrics` and the API's exporters. Global so the libraries' optional metrics ports (rate limiting,
 * tenancy) find their Prometheus bindings from inside their own modules. Request timing is mounted by
 * createApiApplication, ahead of every route, so unmatched paths (404) are timed too.
 */
@Global()
@Module({
  imports: [MetricsModule],
  controllers: [MetricsController],
  providers: [
    { provide: RATE_LIMITER_METRICS_EXPORTER, useClass: PrometheusRateLimiterMetrics },
    { provide: TenancyMetrics, useClass: PrometheusTenancyMetrics },
  ],
  exports: [RATE_LIMITER_METRICS_EXPORTER, TenancyMetrics],
})
export class ApiMetricsModule {}
