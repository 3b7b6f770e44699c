import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@tenantpay/platform';

/**
 * On SIGTERM, BullMQ workers stop taking jobs and wait for the active ones to finish. If that takes
 * longer than the grace period the process exits anyway: the unfinished jobs' locks then expire and
 * BullMQ's stalled-job check hands them to another worker, so nothing is lost, only delayed. Job
 * handlers must therefore be idempotent (they are: see the payment processor).
 */
@Injectable()
export class ShutdownDeadline implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ShutdownDeadline.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  beforeApplicationShutdown(signal?: string): void {
    this.logger.log(`Shutting down (${signal ?? 'close'}): draining active jobs`);
    setTimeout(() => {
      this.logger.error(
        `Active jobs did not finish within ${this.config.shutdownGraceMs} ms; releasing them`,
      );
      process.exit(1);
    }, this.config.shutdownGraceMs).unref();
  }
}
