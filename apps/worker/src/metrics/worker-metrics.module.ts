import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MetricsModule, MetricsServerModule } from '@tenantpay/platform';
import { JobOutcomeMetrics } from './job-outcome.metrics';

/**
 * The worker's metrics: Node defaults, queue depth, job outcomes and durations and usage flush lag, on their own
 * port.
 */
@Module({
  imports: [
    MetricsModule,
    DiscoveryModule,
    MetricsServerModule.forRoot((config) => config.worker.metricsPort),
  ],
  providers: [JobOutcomeMetrics],
  // Workers built by hand (the payments queues) hand themselves over to be counted.
  exports: [JobOutcomeMetrics],
})
export class WorkerMetricsModule {}
