import { PaymentStatus } from '../payment/payment-status.enum';

/**
 * The one table of allowed status changes. Every transition in the code goes through
 * assertTransitionAllowed, and is then applied as an update conditional on the current status, so two
 * concurrent moves from the same status cannot both win. Statuses missing as keys are final.
 */
export const PAYMENT_TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = Object.freeze({
  [PaymentStatus.AwaitingApproval]: [PaymentStatus.Pending, PaymentStatus.Rejected, PaymentStatus.Canceled],
  [PaymentStatus.Pending]: [PaymentStatus.Processing, PaymentStatus.Canceled],
  [PaymentStatus.Processing]: [PaymentStatus.Completed, PaymentStatus.Failed],
  [PaymentStatus.Completed]: [PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded],
  // A further partial refund keeps the status and adds to the refunded amount.
  [PaymentStatus.PartiallyRefunded]: [PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded],
  [PaymentStatus.Failed]: [],
  [PaymentStatus.Canceled]: [],
  [PaymentStatus.Rejected]: [],
  [PaymentStatus.Refunded]: [],
});
