/** A payment batch as `/v1/payments/batches` answers it (the document declares no body yet). */
export interface PaymentBatch {
  readonly id: string;
  readonly status: 'PENDING' | 'PROCESSING' | 'COMPLETED' | 'COMPLETED_WITH_ERRORS';
  readonly counts: {
    readonly total: number;
    readonly accepted: number;
    readonly rejected: number;
    readonly created: number;
    readonly failed: number;
  };
  readonly progress: { readonly processed: number; readonly total: number; readonly percent: number };
  readonly createdAt: string;
}

/** The creation answer: the batch and its rejected rows (row index, field, issue). */
export interface CreatedPaymentBatch extends PaymentBatch {
  readonly errors: readonly { readonly row: number; readonly field?: string; readonly issue?: string }[];
  readonly errorsTruncated: boolean;
}
