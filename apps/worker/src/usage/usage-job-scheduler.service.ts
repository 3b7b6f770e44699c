import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  USAGE_MONTH_CLOSE_JOB,
  USAGE_OPTIONS,
  USAGE_QUEUE,
  USAGE_SYNC_JOB,
  type UsageOptions,
} from '@tenantpay/usage';
import type { Queue } from 'bullmq';

/**
 * Registers the repeatable usage jobs. Job schedulers are upserted by id, so every worker instance may
 * register them at start: there is still one schedule, and each run is processed by one worker.
 */
@Injectable()
export class UsageJobScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(USAGE_QUEUE) private readonly queue: Queue,
    @Inject(USAGE_OPTIONS) private readonly options: UsageOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      USAGE_SYNC_JOB,
      { every: this.options.syncIntervalMs },
      { name: USAGE_SYNC_JOB, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
    await this.queue.upsertJobScheduler(
      USAGE_MONTH_CLOSE_JOB,
      { every: this.options.monthCloseIntervalMs },
      { name: USAGE_MONTH_CLOSE_JOB, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }
}
