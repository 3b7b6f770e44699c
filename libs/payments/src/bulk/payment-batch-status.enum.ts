export enum PaymentBatchStatus {
  /** Accepted; no chunk has started yet. */
  Pending = 'PENDING',
  Processing = 'PROCESSING',
  /** Every row became a payment. */
  Completed = 'COMPLETED',
  /** Every row has its result, and some were rejected upfront or failed at creation. */
  CompletedWithErrors = 'COMPLETED_WITH_ERRORS',
}

export const PAYMENT_BATCH_STATUSES: readonly PaymentBatchStatus[] = Object.values(PaymentBatchStatus);
