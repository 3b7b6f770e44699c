import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditAction, AuditService } from '@tenantpay/audit';
import { eachRowInItsTenant, TenantContextService, TenantLookupService } from '@tenantpay/tenancy';
import { isLiveJobState } from '@tenantpay/platform';
import { PAYMENTS_SETTINGS, type PaymentsSettings } from '../payments-settings';
import type { PaymentBatch } from './payment-batch';
import { PaymentBatchItemsRepository } from './payment-batch-items.repository';
import { PaymentBatchJobsService } from './payment-batch-jobs.service';
import { PaymentBatchProcessingService } from './payment-batch-processing.service';
import { chunkSizeOf, PAYMENT_BATCH_SETTINGS, type PaymentBatchSettings } from './payment-batch-settings';
import { PlatformPaymentBatchesRepository } from './platform-payment-batches.repository';

/** What one sweep did, for logs. */
export interface StuckPaymentBatchesSweepResult {
  /** Batches with at least one chunk re-enqueued or settled (or only their progress recounted). */
  readonly batchesRecovered: number;
  /** Chunks whose job was gone, enqueued again. */
  readonly chunksReEnqueued: number;
  /** Chunks whose job had ended without settling them, settled. */
  readonly chunksSettled: number;
  /** Rows of settled chunks recorded as created (their payment had committed) or failed. */
  readonly rowsCreated: number;
  readonly rowsFailed: number;
}

type Tally = { -readonly [K in keyof StuckPaymentBatchesSweepResult]: number };

const SWEEP_REASON = 'finish payment batches that no chunk job will finish';

/**
 * The safety net under bulk payments: a batch PENDING or PROCESSING, unchanged for
 * PAYMENTS_STUCK_PROCESSING_GRACE_SECONDS (longer than a chunk's whole retry schedule), is looked at chunk by
 * chunk, for each chunk that still has pending rows:
 * - its job is live (waiting, active, delayed): left to it;
 * - its job is gone (its enqueue failed, Redis lost it, the dead letter expired) and the tenant may still
 *   start work: enqueued again under the same job id, the rows' keys making a repeat safe;
 * - otherwise (the job failed for good and its settlement did not run or failed: BullMQ's stalled limit fails
 *   a job without the worker's `failed` event; a Mongo or Redis error during settlement; the tenant was
 *   suspended, so the job was refused and so was its settlement): settled through the same path as a dead
 *   letter (PaymentBatchProcessingService.settleFailedChunk), which is idempotent and closes each row's key.
 * A batch with no pending row left (its last chunk died between its rows and its count) is recounted, which
 * completes it. Each recovered batch gets an audit event. Batches are read across tenants in the audited
 * platform scope and each handled in its own tenant's context.
 */
@Injectable()
export class StuckPaymentBatchesSweeper {
  private readonly logger = new Logger(StuckPaymentBatchesSweeper.name);

  constructor(
    private readonly platformBatches: PlatformPaymentBatchesRepository,
    private readonly items: PaymentBatchItemsRepository,
    private readonly jobs: PaymentBatchJobsService,
    private readonly processing: PaymentBatchProcessingService,
    private readonly audit: AuditService,
    private readonly tenants: TenantLookupService,
    private readonly tenantContext: TenantContextService,
    @Inject(PAYMENTS_SETTINGS) private readonly settings: PaymentsSettings,
    @Inject(PAYMENT_BATCH_SETTINGS) private readonly batchSettings: PaymentBatchSettings,
  ) {}

  async sweep(now = new Date()): Promise<StuckPaymentBatchesSweepResult> {
    const cutoff = new Date(now.getTime() - this.settings.maintenance.stuckProcessingGraceSeconds * 1000);
    const result: Tally = {
      batchesRecovered: 0,
      chunksReEnqueued: 0,
      chunksSettled: 0,
      rowsCreated: 0,
      rowsFailed: 0,
    };
    result.batchesRecovered = await eachRowInItsTenant(
      { tenantContext: this.tenantContext, tenants: this.tenants },
      SWEEP_REASON,
      (afterId, pageSize) => this.platformBatches.unfinishedSince(cutoff, afterId, pageSize),
      (batch) => this.recover(batch, result),
    );
    if (result.batchesRecovered > 0) this.logger.warn(result, 'Stuck payment batches recovered');
    return result;
  }

  /** Whether anything was done for the batch; adds what was done to `total`. */
  private async recover(batch: PaymentBatch, total: Tally): Promise<boolean> {
    const batchId = batch._id.toHexString();
    const tenant = this.tenantContext.getTenant();
    const mayStartWork = tenant.isActive && !tenant.isArchived;
    const chunkSize = chunkSizeOf(batch, this.batchSettings);
    const chunkStarts = new Set(
      (await this.items.pendingRowNumbers(batch._id)).map((row) => row - (row % chunkSize)),
    );
    const done = { chunksReEnqueued: 0, chunksSettled: 0, rowsCreated: 0, rowsFailed: 0 };
    for (const fromRow of chunkStarts) {
      const toRow = Math.min(fromRow + chunkSize, batch.counts.total);
      const state = await this.jobs.chunkJobState(batchId, fromRow);
      if (isLiveJobState(state)) continue;
      if (state === 'unknown' && mayStartWork) {
        await this.jobs.processChunk(batchId, fromRow, toRow);
        done.chunksReEnqueued += 1;
        continue;
      }
      const settlement = await this.processing.settleFailedChunk(batchId, fromRow, toRow);
      done.chunksSettled += 1;
      done.rowsCreated += settlement.created;
      done.rowsFailed += settlement.failed;
    }
    if (chunkStarts.size === 0) await this.processing.settleFailedChunk(batchId, 0, 0);
    else if (done.chunksReEnqueued + done.chunksSettled === 0) return false;

    for (const key of Object.keys(done) as (keyof typeof done)[]) total[key] += done[key];
    await this.audit.record({
      action: AuditAction.PaymentBatchRecovered,
      outcome: 'success',
      resource: { type: 'payment_batch', id: batchId },
      metadata: { ...done, tenantActive: tenant.isActive },
    });
    return true;
  }
}
