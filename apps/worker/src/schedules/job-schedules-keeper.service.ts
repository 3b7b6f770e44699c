import { InjectQueue } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { MAIL_MAINTENANCE_QUEUE } from '@tenantpay/mail';
import { PAYMENTS_MAINTENANCE_QUEUE, PAYMENTS_SETTINGS, type PaymentsSettings } from '@tenantpay/payments';
import { OFFBOARDING_QUEUE } from '@tenantpay/offboarding';
import { PLACEMENT_MOVE_QUEUE } from '@tenantpay/placement-move';
import {
  APP_CONFIG,
  type AppConfig,
  METRICS_REGISTRY,
  registeredCounter,
  registeredGauge,
} from '@tenantpay/platform';
import { USAGE_OPTIONS, USAGE_QUEUE, type UsageOptions } from '@tenantpay/usage';
import type { Queue } from 'bullmq';
import type { Counter, Gauge, Registry } from 'prom-client';
import {
  JOB_SCHEDULER_MISSING_METRIC,
  JOB_SCHEDULERS_RECREATED_METRIC,
} from '../metrics/worker-metric-names.constant';
import { type WorkerJobSchedule, workerJobSchedules } from './worker-job-schedules';

const TEMPLATE_OPTIONS = { removeOnComplete: true, removeOnFail: 100 } as const;

/**
 * Keeps every repeatable job of workerJobSchedules in Redis, whatever happens to Redis. A BullMQ job scheduler
 * is data in Redis: registered once at start, it is gone for good when Redis restarts empty or is flushed,
 * and the usage copy, the payment sweeps and the outbox retry silently stop. So each worker checks every
 * schedule at start, then on a timer (the shortest schedule's interval, so a lost schedule is back within
 * one interval of its own) and on every Redis reconnect, and re-creates what is missing or stale (its next
 * run long past and its job gone: the scheduler survived but its next job did not). Upserts are by scheduler id, so any number
 * of workers doing this still make one schedule, each run processed by one worker.
 *
 * Metrics: `job_scheduler_missing{queue,scheduler}` is 1 while a schedule could not be verified or re-created
 * (Redis unreachable), `job_schedulers_recreated_total{queue,scheduler}` counts schedules found missing after
 * this process had seen them in place: each increase means Redis lost data.
 */
@Injectable()
export class JobSchedulesKeeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedulesKeeper.name);
  private readonly missing: Gauge<'queue' | 'scheduler'>;
  private readonly recreated: Counter<'queue' | 'scheduler'>;
  private readonly queues: Readonly<Record<WorkerJobSchedule['queue'], Queue>>;
  private readonly seenInPlace = new Set<string>();
  private schedules: readonly WorkerJobSchedule[] = [];
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @InjectQueue(USAGE_QUEUE) usageQueue: Queue,
    @InjectQueue(PAYMENTS_MAINTENANCE_QUEUE) maintenanceQueue: Queue,
    @InjectQueue(OFFBOARDING_QUEUE) offboardingQueue: Queue,
    @InjectQueue(MAIL_MAINTENANCE_QUEUE) mailMaintenanceQueue: Queue,
    @InjectQueue(PLACEMENT_MOVE_QUEUE) placementMoveQueue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(USAGE_OPTIONS) private readonly usageOptions: UsageOptions,
    private readonly moduleRef: ModuleRef,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    this.queues = {
      [USAGE_QUEUE]: usageQueue,
      [PAYMENTS_MAINTENANCE_QUEUE]: maintenanceQueue,
      [OFFBOARDING_QUEUE]: offboardingQueue,
      [MAIL_MAINTENANCE_QUEUE]: mailMaintenanceQueue,
      [PLACEMENT_MOVE_QUEUE]: placementMoveQueue,
    };
    this.missing = registeredGauge(registry, {
      name: JOB_SCHEDULER_MISSING_METRIC,
      help: 'Whether a repeatable job schedule could not be verified or re-created in Redis (1) or is in place (0)',
      labelNames: ['queue', 'scheduler'],
    });
    this.recreated = registeredCounter(registry, {
      name: JOB_SCHEDULERS_RECREATED_METRIC,
      help: 'Repeatable job schedules found missing in Redis and re-created (Redis lost its data)',
      labelNames: ['queue', 'scheduler'],
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // PaymentsModule is not global: its settings (which tests override) are found wherever it is imported.
    const payments = this.moduleRef.get<PaymentsSettings>(PAYMENTS_SETTINGS, { strict: false });
    this.schedules = workerJobSchedules(this.usageOptions, payments, this.config.offboarding);
    await this.keepAll();
    const everyMs = Math.min(...this.schedules.map((schedule) => schedule.everyMs));
    this.timer = setInterval(() => void this.keepAll(), everyMs);
    this.timer.unref();
    for (const queue of new Set(Object.values(this.queues))) {
      // A reconnect is when an emptied Redis is most likely: check at once rather than at the next tick.
      (await queue.client).on('ready', () => void this.keepAll());
    }
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  /** Checks every schedule once; concurrent calls share the check in progress. */
  keepAll(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.checking ??= this.checkEach().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async checkEach(): Promise<void> {
    for (const schedule of this.schedules) {
      const labels = { queue: schedule.queue, scheduler: schedule.name };
      try {
        await this.keep(schedule);
        this.missing.set(labels, 0);
      } catch (error) {
        this.missing.set(labels, 1);
        this.logger.warn(
          { ...labels, err: error },
          'Could not verify a job schedule; retrying on the next check',
        );
      }
    }
  }

  private async keep(schedule: WorkerJobSchedule): Promise<void> {
    const queue = this.queues[schedule.queue];
    const key = `${schedule.queue}/${schedule.name}`;
    const existing = await queue.getJobScheduler(schedule.name);
    const stale = existing?.next !== undefined && (await this.nextJobLost(queue, schedule, existing.next));
    if (existing !== undefined && existing.every === schedule.everyMs && !stale) {
      this.seenInPlace.add(key);
      return;
    }
    await queue.upsertJobScheduler(
      schedule.name,
      { every: schedule.everyMs },
      { name: schedule.name, opts: TEMPLATE_OPTIONS },
    );
    if (this.seenInPlace.has(key)) {
      this.recreated.inc({ queue: schedule.queue, scheduler: schedule.name });
      this.logger.warn(
        { queue: schedule.queue, scheduler: schedule.name, stale },
        'Job schedule was missing from Redis (Redis lost data?); re-created',
      );
    }
    this.seenInPlace.add(key);
  }

  /**
   * Whether a schedule's next run is long past and its job is gone. Overdue alone proves nothing: on a busy
   * worker a due job can wait its turn for seconds, and re-creating its schedule would put it back at the
   * end of the queue on every check (seen under CI load with a 100 ms schedule: no run for 20 s).
   */
  private async nextJobLost(queue: Queue, schedule: WorkerJobSchedule, next: number): Promise<boolean> {
    if (next >= Date.now() - 2 * schedule.everyMs) return false;
    // BullMQ names a schedule's next job `repeat:<scheduler id>:<its time>` (JobScheduler.getSchedulerNextJobId).
    return (await queue.getJobState(`repeat:${schedule.name}:${next}`)) === 'unknown';
  }
}
