import type { PaymentBatchRowError } from '@tenantpay/payments';

/** Why a row was refused at submission: which row, which field, what is wrong. */
export class PaymentBatchRowErrorResponse implements PaymentBatchRowError {
  /** Zero-based index of the row in the request's `payments`. @example 3 */
  readonly row!: number;
  /** @example "amount" */
  readonly field?: string;
  /** The JSON path of the value in the request. @example "payments[3].amount" */
  readonly param?: string;
  /** @example "amount must be a positive integer" */
  readonly issue!: string;
  readonly [extra: string]: unknown;
}
