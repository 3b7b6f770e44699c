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
import { APP_CONFIG, type AppConfig, redisConnectionOptions } from '@tenantpay/platform';
import { type TenantJobData, TenantJobRunner } from '@tenantpay/tenancy';
import { type Job, UnrecoverableError, Worker } from 'bullmq';

/**
 * The BullMQ worker of the payments queue. Built here rather than with `@Processor` because its lock and
 * stalled-job timings come from settings: a worker that dies mid-job stops renewing its lock, and after
 * `lockDurationMs` another worker's stalled check hands the job on (at most `maxStalledCount` times), where
 * the gateway's idempotency key makes the repeated charge safe. Each job runs in its tenant's context.
 */
@Injectable()
export class PaymentProcessingWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PaymentProcessingWorker.name);
  private worker: Worker<TenantJobData<PaymentJobPayload>> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PAYMENTS_SETTINGS) private readonly settings: PaymentsSettings,
    private readonly runner: TenantJobRunner,
    private readonly processing: PaymentProcessingService,
  ) {}

  onApplicationBootstrap(): void {
    const { processing } = this.settings;
    this.worker = new Worker(PAYMENTS_QUEUE, (job) => this.process(job), {
      connection: { ...redisConnectionOptions(this.config.redis.url), maxRetriesPerRequest: null },
      concurrency: processing.concurrency,
      lockDuration: processing.lockDurationMs,
      stalledInterval: processing.stalledIntervalMs,
      maxStalledCount: 1,
    });
    this.worker.on('failed', (job, error) => {
      const exhausted = job !== undefined && job.attemptsMade >= (job.opts.attempts ?? 1);
      this.logger[exhausted ? 'error' : 'warn'](
        { jobId: job?.id, jobName: job?.name, attemptsMade: job?.attemptsMade, err: error },
        exhausted ? 'Payment job moved to the dead-letter set' : 'Payment job failed; it will be retried',
      );
    });
    this.worker.on('error', (error) => this.logger.error({ err: error }, 'Payment worker error'));
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
    return this.runner.run(job, async ({ paymentId, refundId }) => {
      if (job.name === PaymentJobName.ProcessPayment) return this.processing.processPayment(paymentId);
      if (job.name === PaymentJobName.ProcessRefund && refundId !== undefined) {
        return this.processing.processRefund(paymentId, refundId);
      }
      throw new UnrecoverableError(`Unknown payments job ${job.name}`);
    });
  }
}
