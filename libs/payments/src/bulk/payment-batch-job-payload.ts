/**
 * A chunk of a batch: rows `[fromRow, toRow)`. The range travels in the job, so a worker configured with another
 * chunk size still processes exactly the rows the API enqueued.
 */
export interface PaymentBatchJobPayload {
  readonly batchId: string;
  readonly fromRow: number;
  readonly toRow: number;
}
