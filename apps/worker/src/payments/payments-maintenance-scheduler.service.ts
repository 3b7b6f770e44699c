import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  PAYMENTS_MAINTENANCE_QUEUE,
  PAYMENTS_SETTINGS,
  PaymentMaintenanceJobName,
  type PaymentsSettings,
} from '@tenantpay/payments';
import type { Queue } from 'bullmq';

/**
 * Registers the repeatable payments maintenance jobs. Job schedulers are upserted by id, so every worker
 * instance may register them at start: there is still one schedule, and each run is processed by one worker.
 */
@Injectable()
export class PaymentsMaintenanceScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(PAYMENTS_MAINTENANCE_QUEUE) private readonly queue: Queue,
    @Inject(PAYMENTS_SETTINGS) private readonly settings: PaymentsSettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const name of Object.values(PaymentMaintenanceJobName)) {
      await this.queue.upsertJobScheduler(
        name,
        { every: this.settings.maintenance.sweepIntervalMs },
        { name, opts: { removeOnComplete: true, removeOnFail: 100 } },
      );
    }
  }
}
