export enum PaymentBatchItemStatus {
  /** Failed validation when the batch was submitted; never sent to the worker. */
  Rejected = 'rejected',
  /** Valid, waiting for its chunk. */
  Pending = 'pending',
  Created = 'created',
  /** Valid when submitted, refused at creation (reference taken meanwhile, workflow changed, quota used up). */
  Failed = 'failed',
}

export const PAYMENT_BATCH_ITEM_STATUSES: readonly PaymentBatchItemStatus[] =
  Object.values(PaymentBatchItemStatus);
