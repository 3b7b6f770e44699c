import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@tenantpay/platform';

/**
 * On SIGTERM, BullMQ workers stop taking jobs and wait for the active ones to finish. If that takes
 * longer than the grace period the process exits anyway: the unfinished jobs' locks then expire and
 * BullMQ's stalled-job check hands them to another worker, so nothing is lost, only delayed. Job
 * handlers must therefore be idempotent.
 */
@Injectable()
export class ShutdownDeadline implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(ShutdownDeadline.name);
  private deadline: NodeJS.Timeout | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  beforeApplicationShutdown(signal?: string): void {
    this.logger.log(`Shutting down (${signal ?? 'close'}): draining active jobs`);
    this.deadline = setTimeout(() => {
      this.logger.error(
        `Active jobs did not finish within ${this.config.shutdownGraceMs} ms; releasing them`,
      );
      process.exit(1);
    }, this.config.shutdownGraceMs);
    this.deadline.unref();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.deadline);
    this.logger.log('Worker stopped');
  }
}
