/** Where a payment is in its life; which moves are allowed is PAYMENT_TRANSITIONS. */
export enum PaymentStatus {
  /** Held by the tenant's workflow until an ADMIN other than its creator approves or rejects it. */
  AwaitingApproval = 'AWAITING_APPROVAL',
  Pending = 'PENDING',
  Processing = 'PROCESSING',
  Completed = 'COMPLETED',
  Failed = 'FAILED',
  Canceled = 'CANCELED',
  Rejected = 'REJECTED',
  PartiallyRefunded = 'PARTIALLY_REFUNDED',
  Refunded = 'REFUNDED',
}

export const PAYMENT_STATUSES: readonly PaymentStatus[] = Object.freeze(Object.values(PaymentStatus));
