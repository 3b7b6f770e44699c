import type { PaymentBatchCounts } from '@tenantpay/payments';

/** A batch's rows by outcome. */
export class PaymentBatchCountsResponse implements PaymentBatchCounts {
  /** @example 250 */
  readonly total!: number;
  /** Rows that passed validation. @example 248 */
  readonly accepted!: number;
  /** Rows refused at submission (listed in `errors`). @example 2 */
  readonly rejected!: number;
  /** Accepted rows the worker has not created yet. */
  readonly pending!: number;
  /** Rows that became payments. */
  readonly created!: number;
  /** Accepted rows whose payment could not be created. */
  readonly failed!: number;
}
