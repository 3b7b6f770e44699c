import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  PaymentJobName,
  type PaymentJobPayload,
  PaymentProcessingService,
  PAYMENTS_QUEUE,
  PAYMENTS_SETTINGS,
  type PaymentsSettings,
} from '@tenantpay/payments';
import { APP_CONFIG, type AppConfig } from '@tenantpay/platform';
import { type TenantJobData, TenantJobRunner } from '@tenantpay/tenancy';
import { type Job, UnrecoverableError, type Worker } from 'bullmq';
import { JobOutcomeMetrics } from '../metrics/job-outcome.metrics';
import { startPaymentsQueueWorker } from './start-payments-queue-worker';

/**
 * The BullMQ worker of the payments queue: each job runs in its tenant's context; a job handed on after a crash
 * is safe to repeat because the gateway's idempotency key is the payment id.
 */
@Injectable()
export class PaymentProcessingWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PaymentProcessingWorker.name);
  private worker: Worker<TenantJobData<PaymentJobPayload>> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PAYMENTS_SETTINGS) private readonly settings: PaymentsSettings,
    private readonly runner: TenantJobRunner,
    private readonly metrics: JobOutcomeMetrics,
    private readonly processing: PaymentProcessingService,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = startPaymentsQueueWorker(this.config, this.settings, {
      queue: PAYMENTS_QUEUE,
      concurrency: this.settings.processing.concurrency,
      jobLabel: 'Payment job',
      logger: this.logger,
      metrics: this.metrics,
      process: (job) => this.process(job),
    });
  }

  /** Drains: the active jobs finish (bounded by the worker's ShutdownDeadline), no new ones are taken. */
  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  /** The running BullMQ worker, for tests that kill it abruptly (`close(true)`). */
  get bullWorker(): Worker | undefined {
    return this.worker;
  }

  private process(job: Job<TenantJobData<PaymentJobPayload>>): Promise<string> {
    // A payment or refund accepted before the tenant was archived still settles: archiving stops new work
    // (the API refuses new payments), never leaves money half-moved.
    return this.runner.run(
      job,
      async ({ paymentId, refundId }) => {
        if (job.name === PaymentJobName.ProcessPayment) return this.processing.processPayment(paymentId);
        if (job.name === PaymentJobName.ProcessRefund && refundId !== undefined) {
          return this.processing.processRefund(paymentId, refundId);
        }
        throw new UnrecoverableError(`Unknown payments job ${job.name}`);
      },
      { whenArchived: 'finish' },
    );
  }
}
