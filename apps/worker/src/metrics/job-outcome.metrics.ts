import { WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { METRICS_REGISTRY, registeredCounter, registeredGauge } from '@tenantpay/platform';
import { USAGE_QUEUE, USAGE_SYNC_JOB } from '@tenantpay/usage';
import type { Job, Worker } from 'bullmq';
import type { Counter, Registry } from 'prom-client';

/**
 * Job outcomes per queue, counted from this worker's BullMQ workers, and how far MongoDB's usage records
 * lag behind the Redis counters: the time since the last successful usage sync (SPEC §8 durability).
 * Every processor in the application is found by discovery, so a new queue is counted without wiring.
 */
@Injectable()
export class JobOutcomeMetrics implements OnApplicationBootstrap {
  private readonly completed: Counter<'queue'>;
  private readonly failed: Counter<'queue'>;
  /** Until a sync succeeds, the lag counts from when this worker started. */
  private lastUsageSyncAt = Date.now();

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    this.completed = registeredCounter(registry, {
      name: 'jobs_completed_total',
      help: 'Jobs this worker completed, by queue',
      labelNames: ['queue'],
    });
    this.failed = registeredCounter(registry, {
      name: 'jobs_failed_total',
      help: 'Job attempts that failed in this worker, by queue (retried or moved to failed)',
      labelNames: ['queue'],
    });
    const lastSync = (): number => this.lastUsageSyncAt;
    registeredGauge(registry, {
      name: 'usage_flush_lag_seconds',
      help: 'Seconds since usage counters were last copied from Redis to MongoDB by this worker',
      collect() {
        this.set((Date.now() - lastSync()) / 1_000);
      },
    });
  }

  onApplicationBootstrap(): void {
    for (const worker of this.workers()) {
      worker.on('completed', (job: Job) => {
        this.completed.inc({ queue: worker.name });
        if (worker.name === USAGE_QUEUE && job.name === USAGE_SYNC_JOB) this.lastUsageSyncAt = Date.now();
      });
      worker.on('failed', () => this.failed.inc({ queue: worker.name }));
    }
  }

  private workers(): Worker[] {
    const workers: Worker[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!(instance instanceof WorkerHost)) continue;
      try {
        workers.push(instance.worker);
      } catch {
        // A processor whose worker was not started (e.g. the queue is disabled) has nothing to count.
      }
    }
    return workers;
  }
}
