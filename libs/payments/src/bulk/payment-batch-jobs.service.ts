import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { TenantJobEnqueuer } from '@tenantpay/tenancy';
import type { JobState, Queue } from 'bullmq';
import { PAYMENT_BATCHES_QUEUE, paymentBatchChunkJobId, PaymentBatchJobName } from '../payments.constant';
import { PAYMENTS_SETTINGS, type PaymentsSettings } from '../payments-settings';
import type { PaymentBatchJobPayload } from './payment-batch-job-payload';
import type { PaymentBatch } from './payment-batch';
import { chunkSizeOf, PAYMENT_BATCH_SETTINGS, type PaymentBatchSettings } from './payment-batch-settings';

/**
 * Enqueues a batch's chunks for the current tenant. Job ids derive from the batch and the chunk's first row, so
 * enqueueing again (a replayed request) adds nothing while the jobs are known to BullMQ.
 */
@Injectable()
export class PaymentBatchJobsService {
  constructor(
    @InjectQueue(PAYMENT_BATCHES_QUEUE) private readonly queue: Queue,
    private readonly enqueuer: TenantJobEnqueuer,
    @Inject(PAYMENTS_SETTINGS) private readonly settings: PaymentsSettings,
    @Inject(PAYMENT_BATCH_SETTINGS) private readonly batchSettings: PaymentBatchSettings,
  ) {}

  /** Every chunk of the batch, in the chunk size it was accepted with. */
  async processBatch(batch: Pick<PaymentBatch, '_id' | 'counts' | 'chunkSize'>): Promise<void> {
    const batchId = batch._id.toHexString();
    const rows = batch.counts.total;
    const chunkSize = chunkSizeOf(batch, this.batchSettings);
    for (let fromRow = 0; fromRow < rows; fromRow += chunkSize) {
      await this.processChunk(batchId, fromRow, Math.min(fromRow + chunkSize, rows));
    }
  }

  /** Rows `[fromRow, toRow)` as one job; enqueueing a chunk whose job BullMQ still knows adds nothing. */
  async processChunk(batchId: string, fromRow: number, toRow: number): Promise<void> {
    const { processing } = this.settings;
    await this.enqueuer.enqueueInFairShare<PaymentBatchJobPayload>(
      this.queue,
      PaymentBatchJobName.ProcessChunk,
      { batchId, fromRow, toRow },
      {
        jobId: paymentBatchChunkJobId(batchId, fromRow),
        attempts: processing.attempts,
        backoff: {
          type: 'exponential',
          delay: processing.backoffDelayMs,
          jitter: processing.backoffJitter,
        },
        removeOnComplete: { age: 24 * 3600, count: 10_000 },
        removeOnFail: { age: processing.deadLetterRetentionSeconds, count: processing.deadLetterMaxCount },
      },
    );
  }

  /** The state of the chunk's job: `unknown` when BullMQ no longer knows it (removed, lost with Redis). */
  async chunkJobState(batchId: string, fromRow: number): Promise<JobState | 'unknown'> {
    const job = await this.queue.getJob(paymentBatchChunkJobId(batchId, fromRow));
    return job === undefined ? 'unknown' : job.getState();
  }
}
