import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import {
  OFFBOARDING_QUEUE,
  OFFBOARDING_SWEEP_JOB,
  OffboardingService,
  type OffboardingSweepResult,
} from '@tenantpay/offboarding';
import type { Job } from 'bullmq';

/**
 * Tenant offboarding: each sweep runs every requested export, every data deletion and every archive-file
 * deletion that is due. Platform work on
 * the platform-owned offboarding records; each tenant's own data is read and deleted inside its context.
 * One job at a time: exports are I/O-heavy and rare.
 */
@Processor(OFFBOARDING_QUEUE, { concurrency: 1 })
export class OffboardingProcessor extends WorkerHost {
  private readonly logger = new Logger(OffboardingProcessor.name);

  constructor(private readonly offboarding: OffboardingService) {
    super();
  }

  async process(job: Job): Promise<OffboardingSweepResult> {
    if (job.name !== OFFBOARDING_SWEEP_JOB) throw new Error(`Unknown offboarding job ${job.name}`);
    const done = await this.offboarding.runDueWork();
    if (done.exported + done.offboarded + done.archivesDeleted > 0)
      this.logger.log(done, 'Offboarding sweep');
    return done;
  }

  // Without a listener, a connection error would be an unhandled 'error' event and crash the process.
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.error({ err: error }, 'Offboarding worker error');
  }
}
