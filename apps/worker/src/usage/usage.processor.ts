import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import {
  USAGE_MONTH_CLOSE_JOB,
  USAGE_QUEUE,
  USAGE_SYNC_JOB,
  UsageMonthCloseService,
  UsageSyncService,
} from '@tenantpay/usage';
import type { Job } from 'bullmq';

/**
 * Usage durability jobs: copying changed counters to MongoDB, and closing periods past their grace period.
 * Both are cross-tenant platform maintenance on the platform-owned `usage_records` (no tenant context).
 */
@Processor(USAGE_QUEUE)
export class UsageProcessor extends WorkerHost {
  private readonly logger = new Logger(UsageProcessor.name);

  constructor(
    private readonly sync: UsageSyncService,
    private readonly monthClose: UsageMonthCloseService,
  ) {
    super();
  }

  async process(job: Job): Promise<number> {
    switch (job.name) {
      case USAGE_SYNC_JOB:
        return this.sync.syncAll();
      case USAGE_MONTH_CLOSE_JOB: {
        const closed = await this.monthClose.closeDuePeriods();
        if (closed > 0) this.logger.log(`Closed ${closed} usage period(s)`);
        return closed;
      }
      default:
        throw new Error(`Unknown usage job ${job.name}`);
    }
  }

  // Without a listener, a connection error (Redis restarting, the app closing mid-connect) would be an
  // unhandled 'error' event and crash the process; BullMQ reconnects by itself.
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.error({ err: error }, 'Usage worker error');
  }
}
