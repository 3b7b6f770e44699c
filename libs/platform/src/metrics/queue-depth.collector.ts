import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { type JobType, Queue } from 'bullmq';
import { withTimeout } from '../async/with-timeout';
import type { Counter, Gauge, Registry } from 'prom-client';
import { QUEUE_DEPTH_SCRAPE_ERRORS_METRIC, QUEUE_JOBS_METRIC } from './metric-names.constant';
import { METRICS_REGISTRY } from './metrics-registry.constant';
import { registeredCounter, registeredGauge } from './registered-metric';

/** One queue's job counts by state, or undefined when they could not be read in time. */
export interface QueueDepth {
  readonly queue: string;
  readonly counts: Readonly<Record<string, number>> | undefined;
}

/**
 * Work not done yet, failures kept for inspection, and completed jobs (a bounded history: BullMQ trims them by
 * `removeOnComplete`, so it shows recent throughput, not a total).
 */
const JOB_STATES: JobType[] = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'waiting-children',
  'completed',
  'failed',
];

/**
 * A scrape must answer even when Redis does not: BullMQ's connections wait out outages instead of
 * failing, so each read is bounded and a queue whose counts did not arrive is left out of that scrape.
 */
const QUEUE_READ_TIMEOUT_MS = 1_000;

/**
 * Queue depth per queue and state, read from BullMQ (`getJobCounts`) at scrape time for every queue
 * registered in the application: nothing to keep in step with the queues, and no polling between scrapes.
 */
@Injectable()
export class QueueDepthCollector implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(QueueDepthCollector.name);
  private queues: readonly Queue[] = [];
  private readonly jobs: Gauge<'queue' | 'state'>;
  private readonly scrapeErrors: Counter<'queue'>;

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    this.scrapeErrors = registeredCounter(registry, {
      name: QUEUE_DEPTH_SCRAPE_ERRORS_METRIC,
      help: 'Queue depth reads that failed or timed out during a scrape',
      labelNames: ['queue'],
    });
    const read = (): Promise<QueueDepth[]> => this.read();
    this.jobs = registeredGauge(registry, {
      name: QUEUE_JOBS_METRIC,
      help: 'Jobs per queue and state (waiting, active, delayed, failed, ...) at scrape time',
      labelNames: ['queue', 'state'],
      async collect() {
        this.reset();
        for (const { queue, counts } of await read()) {
          if (counts === undefined) continue;
          for (const [state, count] of Object.entries(counts)) this.set({ queue, state }, count);
        }
      },
    });
  }

  /**
   * Each registered queue's job counts by state, read now; `counts` is undefined for a queue whose read failed
   * or timed out (counted in the scrape-error counter). Readiness reports the same figures.
   */
  async read(): Promise<QueueDepth[]> {
    return Promise.all(
      this.queues.map(async (queue) => {
        try {
          // Only on a connection that is up: BullMQ's clients queue commands while Redis is away, and a read
          // left queued there (readiness asks every second) holds the queue's close until Redis answers again.
          const client = await withTimeout(queue.client, QUEUE_READ_TIMEOUT_MS, 'queue connection');
          if (client.status !== 'ready') throw new Error(`queue connection ${client.status}`);
          return {
            queue: queue.name,
            counts: await withTimeout(
              queue.getJobCounts(...JOB_STATES),
              QUEUE_READ_TIMEOUT_MS,
              'queue depth read',
            ),
          };
        } catch {
          this.scrapeErrors.inc({ queue: queue.name });
          return { queue: queue.name, counts: undefined };
        }
      }),
    );
  }

  onApplicationBootstrap(): void {
    const found = new Map<string, Queue>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (instance instanceof Queue && !found.has(instance.name)) found.set(instance.name, instance);
    }
    this.queues = [...found.values()];
    this.logger.debug(`Reporting the depth of ${this.queues.length} queue(s)`);
  }

  onModuleDestroy(): void {
    // The queues close with the application; a later scrape must not wait on their closed connections.
    this.queues = [];
    this.jobs.reset();
  }
}
