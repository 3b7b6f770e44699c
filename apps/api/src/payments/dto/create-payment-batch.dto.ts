import { MAX_PAYMENT_BATCH_ROWS } from '@tenantpay/payments';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';

export class CreatePaymentBatchDto {
  /**
   * Each row is a payment as `POST /v1/payments` takes it. Rows are validated one by one (see
   * validatePaymentBatchRows), so one bad row is reported as that row's result instead of refusing the batch.
   */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PAYMENT_BATCH_ROWS)
  payments!: unknown[];
}
