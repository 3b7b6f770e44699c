import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { collectDefaultMetrics, type Registry } from 'prom-client';
import { HttpRequestMetrics } from './http-request-metrics';
import { METRICS_REGISTRY, PROCESS_METRICS_REGISTRY } from './metrics-registry.constant';
import { QueueDepthCollector } from './queue-depth.collector';

/** One of Node's default metrics: present once they are collected, which may happen only once per registry. */
const DEFAULT_METRICS_SENTINEL = 'process_cpu_user_seconds_total';

/**
 * The process's one Prometheus registry (with Node's default metrics: CPU, memory, event-loop lag, GC)
 * and the platform's own collectors. Global: every library's exporter registers on the same registry.
 * Each application serves it on a port of its own ({@link MetricsServerModule}); the API also times its
 * requests ({@link HttpRequestMetrics}).
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    {
      provide: METRICS_REGISTRY,
      useFactory: (): Registry => {
        if (PROCESS_METRICS_REGISTRY.getSingleMetric(DEFAULT_METRICS_SENTINEL) === undefined) {
          collectDefaultMetrics({ register: PROCESS_METRICS_REGISTRY });
        }
        return PROCESS_METRICS_REGISTRY;
      },
    },
    QueueDepthCollector,
    HttpRequestMetrics,
  ],
  exports: [METRICS_REGISTRY, HttpRequestMetrics, QueueDepthCollector],
})
export class MetricsModule {}
