import { ApiProperty } from '@nestjs/swagger';
import { PaymentBatchStatus, type PaymentBatchView } from '@tenantpay/payments';
import { PaymentActorResponse } from './payment-actor.response';
import { PaymentBatchCountsResponse } from './payment-batch-counts.response';
import { PaymentBatchProgressResponse } from './payment-batch-progress.response';

/** A bulk payment batch: its status, counts by outcome and progress. */
export class PaymentBatchResponse implements PaymentBatchView {
  readonly id!: string;
  @ApiProperty({ enum: ['payment_batch'] })
  readonly object!: 'payment_batch';
  readonly status!: PaymentBatchStatus;
  readonly counts!: PaymentBatchCountsResponse;
  readonly progress!: PaymentBatchProgressResponse;
  readonly createdBy!: PaymentActorResponse;
  readonly createdAt!: string;
  readonly updatedAt!: string;
  readonly completedAt!: string | null;
}
