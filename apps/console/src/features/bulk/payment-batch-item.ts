import type { components } from '@tenantpay/sdk';
import type { PaymentBatch } from './payment-batch';

/** One row of a batch as `GET /v1/payments/batches/{id}/items` lists it. */
export type PaymentBatchItem = components['schemas']['PaymentBatchItemResponse'];
export type PaymentBatchItemStatus = PaymentBatchItem['status'];

export const PAYMENT_BATCH_ITEM_STATUSES: readonly PaymentBatchItemStatus[] = [
  'created',
  'pending',
  'rejected',
  'failed',
];

/** How often a batch still being processed is read again for its progress. */
export const BATCH_PROGRESS_POLL_MS = 2_000;

/** A batch whose rows the worker has not all processed yet: its screen reads it again for the progress. */
export function isBatchRunning(batch: Pick<PaymentBatch, 'status'>): boolean {
  return batch.status === 'PENDING' || batch.status === 'PROCESSING';
}

/**
 * Why a row did not become a payment, in one sentence staff can act on: the API's message, then each field's
 * problem (`amount: must be an integer`), without repeating a detail the message already says.
 */
export function batchItemProblem(item: Pick<PaymentBatchItem, 'error'>): string {
  if (item.error === null) return '';
  const details = item.error.details
    .map(({ field, issue }) => {
      const problem = typeof issue === 'string' ? issue : 'invalid';
      return typeof field === 'string' ? `${field}: ${problem}` : typeof issue === 'string' ? issue : '';
    })
    .filter((text) => text !== '' && !item.error?.message.includes(text));
  return [item.error.message, ...details].join(' · ');
}

/** A row as staff count them: the first payment of the file is row 1 (the API counts from 0). */
export function rowNumber(item: { readonly row: number }): number {
  return item.row + 1;
}
