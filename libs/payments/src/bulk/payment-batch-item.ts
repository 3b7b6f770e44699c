import type { ErrorDetail } from '@tenantpay/platform';
import type { TenantOwnedFields } from '@tenantpay/data-isolation';
import type { Types } from 'mongoose';
import type { CreatePaymentInput } from '../payment/create-payment-input';
import type { PaymentBatchItemStatus } from './payment-batch-item-status.enum';

/** Why a row has no payment: the API error code and message it would have had as a single request. */
export interface PaymentBatchItemError {
  readonly code: string;
  readonly message: string;
  readonly details: readonly ErrorDetail[];
}

/** One row of a batch, in submission order (`row` is its zero-based index in the request). */
export interface PaymentBatchItem extends TenantOwnedFields {
  batchId: Types.ObjectId;
  row: number;
  status: PaymentBatchItemStatus;
  /** The validated row; null for rejected rows, whose content is not kept. */
  input: CreatePaymentInput | null;
  /** The row's reference when it had a usable one, so results can be matched without the input. */
  reference: string | null;
  error: PaymentBatchItemError | null;
  paymentId: Types.ObjectId | null;
}
