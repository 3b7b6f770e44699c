import type { PaymentBatchCreatedView } from '@tenantpay/payments';
import { PaymentBatchResponse } from './payment-batch.response';
import { PaymentBatchRowErrorResponse } from './payment-batch-row-error.response';

/** A batch just accepted, with its refused rows' errors (the first ones; all are in its items). */
export class PaymentBatchCreatedResponse extends PaymentBatchResponse implements PaymentBatchCreatedView {
  readonly errors!: PaymentBatchRowErrorResponse[];
  /** True when more rows were refused than `errors` lists. */
  readonly errorsTruncated!: boolean;
}
