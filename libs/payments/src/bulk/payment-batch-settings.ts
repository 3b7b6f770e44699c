/**
 * How the worker works through batches. Defaults suit production; tests use small chunks so that a batch of a
 * few rows already spans several chunks.
 */
export interface PaymentBatchSettings {
  /** Rows per worker job: small enough to finish well within a job lock, large enough to keep jobs few. */
  readonly chunkSize: number;
  /** Rows of one chunk created at a time. */
  readonly rowConcurrency: number;
  /** Chunks one worker process runs at once. */
  readonly chunkConcurrency: number;
}

/** The chunk size a batch was accepted with (see `PaymentBatch.chunkSize`), else the one in force. */
export function chunkSizeOf(
  batch: { readonly chunkSize: number | null },
  settings: PaymentBatchSettings,
): number {
  return batch.chunkSize ?? settings.chunkSize;
}

export const PAYMENT_BATCH_SETTINGS = Symbol('PAYMENT_BATCH_SETTINGS');

export const DEFAULT_PAYMENT_BATCH_SETTINGS: PaymentBatchSettings = Object.freeze({
  chunkSize: 500,
  rowConcurrency: 10,
  chunkConcurrency: 2,
});
