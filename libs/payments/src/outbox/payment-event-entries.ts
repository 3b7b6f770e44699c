import type { NewDocument } from '@tenantpay/data-isolation';
import type { Payment, PendingPaymentEvent } from '../payment/payment';
import { toPaymentView } from '../payment/payment-view';
import type { PaymentEventTypeName } from '../ports/payment-event';
import type { PaymentOutboxEntry } from './payment-outbox-entry';

/**
 * The event a change of `paymentId` owes. Its id is deterministic (payment, type and, for refunds, the refund),
 * so whoever writes or publishes it again — a retried job, the outbox retry's repair — writes the same event.
 */
export function pendingPaymentEvent(
  paymentId: string,
  type: PaymentEventTypeName,
  discriminator?: string,
): PendingPaymentEvent {
  const suffix = `${type.replace('payment.', '')}${discriminator === undefined ? '' : `_${discriminator}`}`;
  return { eventId: `${paymentEventIdPrefix(paymentId)}${suffix}`, type, occurredAt: new Date() };
}

/**
 * What every event id of `paymentId` starts with, and nothing else's does (a payment id is 24 hex digits, so
 * no payment's prefix is another's): how the payment's published events are found again.
 */
export function paymentEventIdPrefix(paymentId: string): string {
  return `evt_${paymentId}_`;
}

/** The outbox entry of an owed event, carrying the payment as it is now. */
export function outboxEntryOf(event: PendingPaymentEvent, payment: Payment): NewDocument<PaymentOutboxEntry> {
  return {
    eventId: event.eventId,
    type: event.type,
    occurredAt: new Date(event.occurredAt),
    data: toPaymentView(payment),
    dispatchedAt: null,
    attempts: 0,
    lastError: null,
  } as NewDocument<PaymentOutboxEntry>;
}
