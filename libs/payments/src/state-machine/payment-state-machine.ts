import { PaymentStateConflictException } from '../errors/payment-state-conflict.exception';
import type { PaymentStatus } from '../payment/payment-status.enum';
import { PAYMENT_TRANSITIONS } from './payment-transitions.constant';

export function isTransitionAllowed(from: PaymentStatus, to: PaymentStatus): boolean {
  return PAYMENT_TRANSITIONS[from]?.includes(to) ?? false;
}

/** Throws 409 `conflict` naming the current status when the table does not allow the move. */
export function assertTransitionAllowed(from: PaymentStatus, to: PaymentStatus): void {
  if (!isTransitionAllowed(from, to)) {
    throw new PaymentStateConflictException(`A ${from} payment cannot become ${to}.`);
  }
}
