import { WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import {
  METRICS_REGISTRY,
  registeredCounter,
  registeredGauge,
  registeredHistogram,
} from '@tenantpay/platform';
import { USAGE_QUEUE, USAGE_SYNC_JOB } from '@tenantpay/usage';
import type { Job, Worker } from 'bullmq';
import type { Counter, Histogram, Registry } from 'prom-client';
import {
  JOB_DURATION_BUCKETS_SECONDS,
  JOB_DURATION_METRIC,
  JOBS_COMPLETED_METRIC,
  JOBS_FAILED_METRIC,
  USAGE_FLUSH_LAG_METRIC,
} from './worker-metric-names.constant';

/**
 * Job outcomes and durations per queue, counted from this worker's BullMQ workers, and how far MongoDB's usage
 * records lag behind the Redis counters: the time since the last successful usage sync (SPEC §8 durability).
 * `@Processor` workers are found by discovery; workers built by hand (the payments queues, whose timings come
 * from settings) are handed over with {@link observe} as they start. Every failed attempt counts, retried or not.
 */
@Injectable()
export class JobOutcomeMetrics implements OnApplicationBootstrap {
  private readonly completed: Counter<'queue'>;
  private readonly failed: Counter<'queue'>;
  private readonly duration: Histogram<'queue' | 'outcome'>;
  private readonly observed = new WeakSet<Worker>();
  /** Until a sync succeeds, the lag counts from when this worker started. */
  private lastUsageSyncAt = Date.now();

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    this.completed = registeredCounter(registry, {
      name: JOBS_COMPLETED_METRIC,
      help: 'Jobs this worker completed, by queue',
      labelNames: ['queue'],
    });
    this.failed = registeredCounter(registry, {
      name: JOBS_FAILED_METRIC,
      help: 'Job attempts that failed in this worker, by queue (retried or moved to failed)',
      labelNames: ['queue'],
    });
    this.duration = registeredHistogram(registry, {
      name: JOB_DURATION_METRIC,
      help: 'How long job attempts ran in this worker, by queue and outcome (completed or failed)',
      labelNames: ['queue', 'outcome'],
      buckets: JOB_DURATION_BUCKETS_SECONDS,
    });
    const lastSync = (): number => this.lastUsageSyncAt;
    registeredGauge(registry, {
      name: USAGE_FLUSH_LAG_METRIC,
      help: 'Seconds since usage counters were last copied from Redis to MongoDB by this worker',
      collect() {
        this.set((Date.now() - lastSync()) / 1_000);
      },
    });
  }

  onApplicationBootstrap(): void {
    for (const worker of this.processorWorkers()) this.observe(worker);
  }

  /** Counts the worker's jobs from now on (once, however often it is handed over). */
  observe(worker: Worker): void {
    if (this.observed.has(worker)) return;
    this.observed.add(worker);
    const queue = worker.name;
    // Zero series from the start: a rate over a counter that appears only with its first failure misses it.
    this.completed.inc({ queue }, 0);
    this.failed.inc({ queue }, 0);
    worker.on('completed', (job: Job) => {
      this.completed.inc({ queue });
      this.observeDuration(queue, 'completed', job);
      if (queue === USAGE_QUEUE && job.name === USAGE_SYNC_JOB) this.lastUsageSyncAt = Date.now();
    });
    // `job` is undefined only for a job BullMQ could no longer read (removed meanwhile): still a failure.
    worker.on('failed', (job: Job | undefined) => {
      this.failed.inc({ queue });
      if (job !== undefined) this.observeDuration(queue, 'failed', job);
    });
  }

  private observeDuration(queue: string, outcome: 'completed' | 'failed', job: Job): void {
    if (job.processedOn === undefined || job.finishedOn === undefined) return;
    this.duration.observe({ queue, outcome }, Math.max(0, job.finishedOn - job.processedOn) / 1_000);
  }

  private processorWorkers(): Worker[] {
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
