import { Injectable } from '@nestjs/common';
import { TransactionService } from '@tenantpay/data-isolation';
import type { Types } from 'mongoose';
import { PaymentOutboxDispatcher } from '../outbox/payment-outbox-dispatcher.service';
import type { PaymentOutboxEntry } from '../outbox/payment-outbox-entry';
import { PaymentOutboxRepository } from '../outbox/payment-outbox.repository';
import type { Payment } from '../payment/payment';
import { toPaymentView } from '../payment/payment-view';
import { type PaymentTransition, PaymentsRepository } from '../payment/payments.repository';
import type { PaymentEventTypeName } from '../ports/payment-event';

/**
 * Payment changes that tenants hear about. The change and its event (deterministic id) commit in one
 * transaction through the outbox, so no crash can leave a payment COMPLETED without its `payment.completed`;
 * the event is then dispatched at once, and by the worker's outbox retry if that attempt does not succeed.
 */
@Injectable()
export class PaymentEventsService {
  constructor(
    private readonly payments: PaymentsRepository,
    private readonly outbox: PaymentOutboxRepository,
    private readonly transactions: TransactionService,
    private readonly dispatcher: PaymentOutboxDispatcher,
  ) {}

  /** The conditional transition with its event; null (and no event) when the transition did not match. */
  async transition(
    id: Types.ObjectId,
    change: PaymentTransition,
    type: PaymentEventTypeName,
  ): Promise<Payment | null> {
    return this.withEvent(type, undefined, () => this.payments.transition(id, change));
  }

  /** Marks a pending refund succeeded with its `payment.refunded`; null when it was no longer pending. */
  async refundSucceeded(
    paymentId: Types.ObjectId,
    refundId: Types.ObjectId,
    gatewayReference: string,
    type: PaymentEventTypeName,
  ): Promise<Payment | null> {
    return this.withEvent(type, refundId.toHexString(), () =>
      this.payments.markRefundSucceeded(paymentId, refundId, gatewayReference),
    );
  }

  private async withEvent(
    type: PaymentEventTypeName,
    discriminator: string | undefined,
    change: () => Promise<Payment | null>,
  ): Promise<Payment | null> {
    const written = await this.transactions.withTransaction(async () => {
      const payment = await change();
      if (payment === null) return null;
      const entry = await this.outbox.create(outboxEntry(type, payment, discriminator));
      return { payment, entry };
    });
    if (written === null) return null;
    await this.dispatcher.dispatch(written.entry);
    return written.payment;
  }
}

function outboxEntry(
  type: PaymentEventTypeName,
  payment: Payment,
  discriminator: string | undefined,
): Pick<
  PaymentOutboxEntry,
  'eventId' | 'type' | 'occurredAt' | 'data' | 'dispatchedAt' | 'attempts' | 'lastError'
> {
  const suffix = `${type.replace('payment.', '')}${discriminator === undefined ? '' : `_${discriminator}`}`;
  return {
    eventId: `evt_${payment._id.toHexString()}_${suffix}`,
    type,
    occurredAt: new Date(payment.updatedAt),
    data: toPaymentView(payment),
    dispatchedAt: null,
    attempts: 0,
    lastError: null,
  };
}
