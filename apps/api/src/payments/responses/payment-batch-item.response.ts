import { ApiProperty } from '@nestjs/swagger';
import { PaymentBatchItemStatus, type PaymentBatchItemView, PaymentStatus } from '@tenantpay/payments';
import { PaymentBatchItemErrorResponse } from './payment-batch-item-error.response';

/** One row of a batch and what became of it. */
export class PaymentBatchItemResponse implements PaymentBatchItemView {
  @ApiProperty({ enum: ['payment_batch_item'] })
  readonly object!: 'payment_batch_item';
  /** Zero-based index of the row in the request. */
  readonly row!: number;
  readonly status!: PaymentBatchItemStatus;
  readonly reference!: string | null;
  readonly paymentId!: string | null;
  /** The payment's status now (read with the page), not the one it was created with. */
  readonly paymentStatus!: PaymentStatus | null;
  readonly error!: PaymentBatchItemErrorResponse | null;
}
