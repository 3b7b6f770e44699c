import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainException, HTTP_STATUS_BY_ERROR_CODE } from '@tenantpay/platform';
import { TenantContextService } from '@tenantpay/tenancy';
import { trusted, Types } from 'mongoose';
import { IdempotencyInProgressException } from '../errors/idempotency-in-progress.exception';
import { paymentBatchRowIdempotencyKey } from '../payments.constant';
import { PaymentsService } from '../payments.service';
import { TRANSACTION_QUOTA, type TransactionQuota } from '../ports/transaction-quota.port';
import type { ChunkSettlement } from './chunk-settlement';
import type { PaymentBatch } from './payment-batch';
import type { PaymentBatchItem } from './payment-batch-item';
import { PaymentBatchItemStatus } from './payment-batch-item-status.enum';
import { PaymentBatchItemsRepository } from './payment-batch-items.repository';
import { PAYMENT_BATCH_SETTINGS, type PaymentBatchSettings } from './payment-batch-settings';
import { PaymentBatchStatus } from './payment-batch-status.enum';
import { PaymentBatchesRepository } from './payment-batches.repository';
import { ROW_ABANDONED } from './row-abandoned.constant';
import { ROW_TENANT_SUSPENDED } from './row-tenant-suspended.constant';

const UNFINISHED = [PaymentBatchStatus.Pending, PaymentBatchStatus.Processing];

/**
 * The worker's side of bulk payments: one chunk of a batch at a time, inside the batch's tenant context.
 *
 * Each pending row becomes a payment through PaymentsService.create under a key derived from the batch and the
 * row, so a chunk that runs again (a retry after a crash, a stalled job handed to another worker) replays the
 * rows it already created instead of creating them twice, and only then records their results. A row the
 * create path refuses (a caller error: reference taken meanwhile, workflow, quota) gets that error as its
 * result; anything else (database, Redis) fails the job so BullMQ retries the chunk. Rows take their quota from
 * the hold the batch took at upload: a created row's unit becomes its counted transaction, a refused row's is
 * given back, and the batch's completion frees whatever is left.
 */
@Injectable()
export class PaymentBatchProcessingService {
  private readonly logger = new Logger(PaymentBatchProcessingService.name);

  constructor(
    private readonly batches: PaymentBatchesRepository,
    private readonly items: PaymentBatchItemsRepository,
    private readonly payments: PaymentsService,
    private readonly tenantContext: TenantContextService,
    @Inject(TRANSACTION_QUOTA) private readonly quota: TransactionQuota,
    @Inject(PAYMENT_BATCH_SETTINGS) private readonly settings: PaymentBatchSettings,
  ) {}

  /** Rows `[fromRow, toRow)` of the batch. */
  async processChunk(batchId: string, fromRow: number, toRow: number): Promise<string> {
    const batch = Types.ObjectId.isValid(batchId) ? await this.batches.findById(batchId) : null;
    if (batch === null) {
      this.logger.warn({ batchId, fromRow }, 'Chunk of an unknown batch skipped');
      return 'unknown batch';
    }
    await this.batches.updateOne(
      { _id: batch._id, status: PaymentBatchStatus.Pending },
      { $set: { status: PaymentBatchStatus.Processing } },
    );
    const rows = await this.items.pendingRows(batch._id, fromRow, toRow);
    const { rowConcurrency } = this.settings;
    for (let start = 0; start < rows.length; start += rowConcurrency) {
      await Promise.all(
        rows.slice(start, start + rowConcurrency).map((item) => this.processRow(batch, item)),
      );
    }
    await this.refreshProgress(batch);
    return `${rows.length} rows`;
  }

  /**
   * Rows `[fromRow, toRow)` of a chunk that failed for good (its attempts exhausted): each row still pending is
   * settled from its key, which is closed first so that nothing can be created under it afterwards. A row whose
   * payment committed is recorded as created with it; the others fail, with ROW_TENANT_SUSPENDED when the
   * tenant is suspended (the reason no attempt could run) and ROW_ABANDONED otherwise, and give their quota
   * unit back. Then the batch's progress is recounted, which completes it once no row is pending. Idempotent:
   * the dead-letter handler and the stuck-batch sweep may both settle the same chunk.
   */
  async settleFailedChunk(batchId: string, fromRow: number, toRow: number): Promise<ChunkSettlement> {
    const batch = Types.ObjectId.isValid(batchId) ? await this.batches.findById(batchId) : null;
    if (batch === null) return { created: 0, failed: 0 };
    const rows = await this.items.pendingRows(batch._id, fromRow, toRow);
    const settlement = { created: 0, failed: 0 };
    const reason = this.tenantContext.getTenant().isActive ? ROW_ABANDONED : ROW_TENANT_SUSPENDED;
    // One row at a time: this runs after a failure, often of the database, and must not add to its load.
    for (const item of rows) {
      const outcome = await this.settleRow(batch, item, reason);
      if (outcome !== null) settlement[outcome] += 1;
    }
    if (settlement.failed > 0 && batch.quotaHold !== null) {
      await this.quota.release(this.tenantContext.getTenant(), batch.quotaHold, settlement.failed);
    }
    await this.refreshProgress(batch);
    return settlement;
  }

  /** The row's outcome, or null when a concurrent run recorded one first. */
  private async settleRow(
    batch: PaymentBatch,
    item: PaymentBatchItem,
    reason: typeof ROW_ABANDONED | typeof ROW_TENANT_SUSPENDED,
  ): Promise<keyof ChunkSettlement | null> {
    const payment =
      item.input === null
        ? null
        : await this.payments.settleAbandonedCreation(
            item.input,
            paymentBatchRowIdempotencyKey(batch._id.toHexString(), item.row),
          );
    const result: Partial<PaymentBatchItem> =
      payment === null
        ? { status: PaymentBatchItemStatus.Failed, error: { ...reason, details: [] } }
        : { status: PaymentBatchItemStatus.Created, paymentId: new Types.ObjectId(payment.id) };
    const { modifiedCount } = await this.items.updateOne(
      { _id: item._id, status: PaymentBatchItemStatus.Pending },
      { $set: result },
    );
    if (modifiedCount !== 1) return null;
    return payment === null ? 'failed' : 'created';
  }

  private async processRow(batch: PaymentBatch, item: PaymentBatchItem): Promise<void> {
    if (item.input === null) return;
    const key = paymentBatchRowIdempotencyKey(batch._id.toHexString(), item.row);
    let result: Partial<PaymentBatchItem>;
    try {
      const { body } = await this.payments.create(item.input, key, {
        onBehalfOf: batch.createdBy,
        quotaHold: batch.quotaHold,
      });
      result = {
        status: PaymentBatchItemStatus.Created,
        paymentId: new Types.ObjectId(body.id),
      };
    } catch (error) {
      if (!isRowError(error)) throw error;
      result = {
        status: PaymentBatchItemStatus.Failed,
        error: { code: error.code, message: error.message, details: [...(error.details ?? [])] },
      };
    }
    // Conditional on `pending`: a concurrent run of the same chunk that got here first keeps its result.
    const { modifiedCount } = await this.items.updateOne(
      { _id: item._id, status: PaymentBatchItemStatus.Pending },
      { $set: result },
    );
    // A refused row gives its unit back, once: only the run that recorded the result does.
    if (result.status === PaymentBatchItemStatus.Failed && modifiedCount === 1 && batch.quotaHold !== null) {
      await this.quota.release(this.tenantContext.getTenant(), batch.quotaHold, 1);
    }
  }

  /**
   * Counts are recomputed from the items rather than incremented, so a chunk that crashed between a row and
   * its count cannot leave them wrong; `$max`/`$min` keep a slower chunk's older count from overwriting a
   * newer one. The chunk that finds no pending row left completes the batch.
   */
  private async refreshProgress(batch: PaymentBatch): Promise<void> {
    const byStatus = await this.items.countByStatus(batch._id);
    const created = byStatus[PaymentBatchItemStatus.Created] ?? 0;
    const failed = byStatus[PaymentBatchItemStatus.Failed] ?? 0;
    const pending = byStatus[PaymentBatchItemStatus.Pending] ?? 0;
    if (pending === 0 && batch.quotaHold !== null) {
      // Every row has its result: whatever the hold still has (units of rows whose release was lost) is free.
      await this.quota.release(this.tenantContext.getTenant(), batch.quotaHold);
    }
    const finished =
      pending === 0
        ? {
            status:
              batch.counts.rejected + failed > 0
                ? PaymentBatchStatus.CompletedWithErrors
                : PaymentBatchStatus.Completed,
            completedAt: new Date(),
          }
        : {};
    await this.batches.updateOne(
      { _id: batch._id, status: trusted({ $in: UNFINISHED }) },
      {
        $max: { 'counts.created': created, 'counts.failed': failed },
        $min: { 'counts.pending': pending },
        ...(pending === 0 ? { $set: finished } : {}),
      },
    );
  }
}

/** A refusal the same row would get again: recorded as the row's result rather than retried. */
function isRowError(error: unknown): error is DomainException {
  return (
    error instanceof DomainException &&
    !(error instanceof IdempotencyInProgressException) &&
    HTTP_STATUS_BY_ERROR_CODE[error.code] < 500
  );
}
