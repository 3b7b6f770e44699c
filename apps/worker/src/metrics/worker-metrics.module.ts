import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MetricsModule } from '@tenantpay/platform';
import { JobOutcomeMetrics } from './job-outcome.metrics';
import { WorkerMetricsServer } from './worker-metrics.server';

/**
 * The worker's metrics: Node defaults, queue depth, job outcomes and durations and usage flush lag, on their own
 * port.
 */
@Module({
  imports: [MetricsModule, DiscoveryModule],
  providers: [JobOutcomeMetrics, WorkerMetricsServer],
  // Workers built by hand (the payments queues) hand themselves over to be counted.
  exports: [JobOutcomeMetrics],
})
export class WorkerMetricsModule {}
