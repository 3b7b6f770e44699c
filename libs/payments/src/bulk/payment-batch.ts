import type { TenantOwnedFields } from '@tenantpay/data-isolation';
import type { PaymentActor } from '../payment/payment';
import type { QuotaHold } from '../ports/transaction-quota.port';
import type { PaymentBatchStatus } from './payment-batch-status.enum';

/** Row counts by outcome; `pending` rows are valid and not processed yet. */
export interface PaymentBatchCounts {
  readonly total: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly pending: number;
  readonly created: number;
  readonly failed: number;
}

export interface PaymentBatch extends TenantOwnedFields {
  status: PaymentBatchStatus;
  counts: PaymentBatchCounts;
  /** Who submitted the batch: its payments are created on their behalf (four-eyes approval needs it). */
  createdBy: PaymentActor;
  completedAt: Date | null;
  /**
   * The transaction quota held for the accepted rows at upload; each created or failed row takes its unit off,
   * the batch's completion gives back the rest. Null when nothing was held (no accepted row, older batches).
   */
  quotaHold: QuotaHold | null;
  /**
   * Rows per chunk job, fixed when the batch is accepted: its jobs' ids and the stuck-batch sweep's chunks follow
   * it, so a deploy that changes the setting never splits a batch accepted before it another way. Null on
   * batches accepted before it was recorded (the setting in force applies to them).
   */
  chunkSize: number | null;
}
