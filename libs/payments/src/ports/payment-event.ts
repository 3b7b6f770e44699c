import type { PaymentView } from '../payment/payment-view';

export const PaymentEventType = {
  Completed: 'payment.completed',
  Failed: 'payment.failed',
  Refunded: 'payment.refunded',
  Canceled: 'payment.canceled',
  Approved: 'payment.approved',
  Rejected: 'payment.rejected',
} as const;
export type PaymentEventTypeName = (typeof PaymentEventType)[keyof typeof PaymentEventType];
export const PAYMENT_EVENT_TYPES: readonly PaymentEventTypeName[] = Object.values(PaymentEventType);

/**
 * A change of a payment that tenants may subscribe to. `id` is deterministic (payment, event type and, for
 * refunds, the refund), so a republished event — a retried job publishes again — can be recognised as the same.
 */
export interface PaymentEvent {
  readonly id: string;
  readonly type: PaymentEventTypeName;
  readonly tenantId: string;
  readonly occurredAt: string;
  readonly data: PaymentView;
}
