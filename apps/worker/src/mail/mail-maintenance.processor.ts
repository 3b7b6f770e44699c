import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { MAIL_MAINTENANCE_QUEUE, MAIL_SWEEP_JOB, MailOutboxSweeper } from '@tenantpay/mail';
import type { Job } from 'bullmq';

/** The repeatable sweep of the mail outbox, with no tenant context (the sweeper enters each row's). */
@Processor(MAIL_MAINTENANCE_QUEUE)
export class MailMaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MailMaintenanceProcessor.name);

  constructor(private readonly sweeper: MailOutboxSweeper) {
    super();
  }

  async process(job: Job): Promise<number> {
    if (job.name !== MAIL_SWEEP_JOB) throw new Error(`Unknown mail maintenance job ${job.name}`);
    return this.sweeper.sweep();
  }

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.error({ err: error }, 'Mail maintenance worker error');
  }
}
