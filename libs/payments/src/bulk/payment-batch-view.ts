import type { ErrorDetail } from '@tenantpay/platform';
import type { PaymentActor } from '../payment/payment';
import type { PaymentStatus } from '../payment/payment-status.enum';
import type { PaymentBatch, PaymentBatchCounts } from './payment-batch';
import type { PaymentBatchItem, PaymentBatchItemError } from './payment-batch-item';
import type { PaymentBatchItemStatus } from './payment-batch-item-status.enum';
import type { PaymentBatchStatus } from './payment-batch-status.enum';

/** A batch as the API shows it: status, counts by outcome and progress (rows with a final result). */
export interface PaymentBatchView {
  readonly id: string;
  readonly object: 'payment_batch';
  readonly status: PaymentBatchStatus;
  readonly counts: PaymentBatchCounts;
  readonly progress: { readonly processed: number; readonly total: number; readonly percent: number };
  readonly createdBy: PaymentActor;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly completedAt: string | null;
}

/** A row error in the creation response: which row, which field, what is wrong. */
export interface PaymentBatchRowError extends ErrorDetail {
  readonly row: number;
}

/** The creation response: the batch and its rejected rows' errors (the first ones; all are in the items). */
export interface PaymentBatchCreatedView extends PaymentBatchView {
  readonly errors: readonly PaymentBatchRowError[];
  readonly errorsTruncated: boolean;
}

export interface PaymentBatchItemView {
  readonly object: 'payment_batch_item';
  readonly row: number;
  readonly status: PaymentBatchItemStatus;
  readonly reference: string | null;
  readonly paymentId: string | null;
  readonly paymentStatus: PaymentStatus | null;
  readonly error: PaymentBatchItemError | null;
}

export function toPaymentBatchView(batch: PaymentBatch): PaymentBatchView {
  const { counts } = batch;
  const processed = counts.rejected + counts.created + counts.failed;
  return {
    id: batch._id.toHexString(),
    object: 'payment_batch',
    status: batch.status,
    counts: {
      total: counts.total,
      accepted: counts.accepted,
      rejected: counts.rejected,
      pending: counts.pending,
      created: counts.created,
      failed: counts.failed,
    },
    progress: {
      processed,
      total: counts.total,
      percent: counts.total === 0 ? 100 : Math.floor((processed * 100) / counts.total),
    },
    createdBy: { type: batch.createdBy.type, id: batch.createdBy.id ?? null },
    createdAt: new Date(batch.createdAt).toISOString(),
    updatedAt: new Date(batch.updatedAt).toISOString(),
    completedAt: batch.completedAt == null ? null : new Date(batch.completedAt).toISOString(),
  };
}

/** `paymentStatus` is the payment's status now (read with the page), not the one it was created with. */
export function toPaymentBatchItemView(
  item: PaymentBatchItem,
  paymentStatus: PaymentStatus | null,
): PaymentBatchItemView {
  return {
    object: 'payment_batch_item',
    row: item.row,
    status: item.status,
    reference: item.reference ?? null,
    paymentId: item.paymentId == null ? null : item.paymentId.toHexString(),
    paymentStatus,
    error:
      item.error == null
        ? null
        : { code: item.error.code, message: item.error.message, details: [...(item.error.details ?? [])] },
  };
}
