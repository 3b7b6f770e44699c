import { Global, Module } from '@nestjs/common';
import { MetricsModule, MetricsServerModule } from '@tenantpay/platform';
import { RATE_LIMITER_METRICS_EXPORTER } from '@tenantpay/rate-limiting';
import { TenancyMetrics } from '@tenantpay/tenancy';
import { PrometheusRateLimiterMetrics } from './prometheus-rate-limiter-metrics';
import { PrometheusTenancyMetrics } from './prometheus-tenancy-metrics';

/**
 * The API's exporters and its metrics port (METRICS_PORT; the public port has no /metrics). Global so the
 * libraries' optional metrics ports (rate limiting, tenancy) find their Prometheus bindings from inside their
 * own modules. Request timing is mounted by createApiApplication, ahead of every route, so unmatched paths
 * (404) are timed too.
 */
@Global()
@Module({
  imports: [MetricsModule, MetricsServerModule.forRoot((config) => config.http.metricsPort)],
  providers: [
    { provide: RATE_LIMITER_METRICS_EXPORTER, useClass: PrometheusRateLimiterMetrics },
    { provide: TenancyMetrics, useClass: PrometheusTenancyMetrics },
  ],
  exports: [RATE_LIMITER_METRICS_EXPORTER, TenancyMetrics],
})
export class ApiMetricsModule {}
