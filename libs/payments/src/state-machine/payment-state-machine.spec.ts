import { PAYMENT_STATUSES, PaymentStatus } from '../payment/payment-status.enum';
import { assertTransitionAllowed, isTransitionAllowed } from './payment-state-machine';

const LEGAL: readonly (readonly [PaymentStatus, PaymentStatus])[] = [
  [PaymentStatus.AwaitingApproval, PaymentStatus.Pending],
  [PaymentStatus.AwaitingApproval, PaymentStatus.Rejected],
  [PaymentStatus.AwaitingApproval, PaymentStatus.Canceled],
  [PaymentStatus.Pending, PaymentStatus.Processing],
  [PaymentStatus.Pending, PaymentStatus.Canceled],
  [PaymentStatus.Processing, PaymentStatus.Completed],
  [PaymentStatus.Processing, PaymentStatus.Failed],
  [PaymentStatus.Completed, PaymentStatus.PartiallyRefunded],
  [PaymentStatus.Completed, PaymentStatus.Refunded],
  [PaymentStatus.PartiallyRefunded, PaymentStatus.PartiallyRefunded],
  [PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded],
];
const isLegal = (from: PaymentStatus, to: PaymentStatus) => LEGAL.some(([f, t]) => f === from && t === to);

describe('payment state machine', () => {
  // Every ordered pair of statuses, each checked against the list above: a new edge in the table fails here.
  for (const from of PAYMENT_STATUSES) {
    for (const to of PAYMENT_STATUSES) {
      const legal = isLegal(from, to);
      it(`${legal ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        expect(isTransitionAllowed(from, to)).toBe(legal);
        if (legal) expect(() => assertTransitionAllowed(from, to)).not.toThrow();
        else
          expect(() => assertTransitionAllowed(from, to)).toThrow(
            expect.objectContaining({ code: 'conflict' }),
          );
      });
    }
  }

  it('has no way out of a final status', () => {
    for (const final of [
      PaymentStatus.Failed,
      PaymentStatus.Canceled,
      PaymentStatus.Rejected,
      PaymentStatus.Refunded,
    ]) {
      expect(PAYMENT_STATUSES.filter((to) => isTransitionAllowed(final, to))).toEqual([]);
    }
  });
});
