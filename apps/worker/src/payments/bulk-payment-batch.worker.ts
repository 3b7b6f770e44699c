import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  PAYMENT_BATCH_SETTINGS,
  PAYMENT_BATCHES_QUEUE,
  PaymentBatchJobName,
  type PaymentBatchJobPayload,
  PaymentBatchProcessingService,
  type PaymentBatchSettings,
  PAYMENTS_SETTINGS,
  type PaymentsSettings,
} from '@tenantpay/payments';
import { APP_CONFIG, type AppConfig } from '@tenantpay/platform';
import { type TenantJobData, TenantJobRunner } from '@tenantpay/tenancy';
import { type Job, UnrecoverableError, type Worker } from 'bullmq';
import { JobOutcomeMetrics } from '../metrics/job-outcome.metrics';
import { startPaymentsQueueWorker } from './start-payments-queue-worker';

/**
 * The BullMQ worker of the payment-batches queue: one chunk of a batch per job, in the batch's tenant context.
 * Lock and stalled timings are the payments queue's: a chunk handed to another worker after a crash is safe to
 * run again, because each row's payment is created under a key derived from the batch and the row.
 */
@Injectable()
export class BulkPaymentBatchWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BulkPaymentBatchWorker.name);
  private worker: Worker<TenantJobData<PaymentBatchJobPayload>> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PAYMENTS_SETTINGS) private readonly settings: PaymentsSettings,
    @Inject(PAYMENT_BATCH_SETTINGS) private readonly batchSettings: PaymentBatchSettings,
    private readonly runner: TenantJobRunner,
    private readonly metrics: JobOutcomeMetrics,
    private readonly processing: PaymentBatchProcessingService,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = startPaymentsQueueWorker(this.config, this.settings, {
      queue: PAYMENT_BATCHES_QUEUE,
      concurrency: this.batchSettings.chunkConcurrency,
      jobLabel: 'Batch chunk',
      logger: this.logger,
      metrics: this.metrics,
      process: (job) => this.process(job),
      onDeadLetter: (job) => this.settle(job),
    });
  }

  /** Drains: active chunks finish (bounded by the worker's ShutdownDeadline), no new ones are taken. */
  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  /**
   * A chunk that failed for good would otherwise leave its rows pending and its batch PROCESSING forever: each
   * row is settled from its payment key (created if its payment committed, failed otherwise) and the batch
   * completes. An archived or suspended tenant's chunk is still settled (a suspended tenant's rows fail with
   * `tenant_suspended`): it ends work, it starts none.
   */
  private async settle(job: Job<TenantJobData<PaymentBatchJobPayload>>): Promise<void> {
    if (job.name !== PaymentBatchJobName.ProcessChunk) return;
    const settlement = await this.runner.run(
      job,
      ({ batchId, fromRow, toRow }) => this.processing.settleFailedChunk(batchId, fromRow, toRow),
      { whenArchived: 'finish', whenSuspended: 'finish' },
    );
    this.logger.warn(
      { jobId: job.id, ...settlement },
      'Batch chunk failed for good; its pending rows were settled',
    );
  }

  private process(job: Job<TenantJobData<PaymentBatchJobPayload>>): Promise<string> {
    return this.runner.run(job, ({ batchId, fromRow, toRow }) => {
      if (job.name === PaymentBatchJobName.ProcessChunk) {
        return this.processing.processChunk(batchId, fromRow, toRow);
      }
      throw new UnrecoverableError(`Unknown payment batches job ${job.name}`);
    });
  }
}
