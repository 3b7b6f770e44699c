import { Injectable } from '@nestjs/common';
import type { Types } from 'mongoose';
import { outboxEntryOf, pendingPaymentEvent } from '../outbox/payment-event-entries';
import { PaymentOutboxDispatcher } from '../outbox/payment-outbox-dispatcher.service';
import { PaymentOutboxRepository } from '../outbox/payment-outbox.repository';
import type { Payment, PendingPaymentEvent } from '../payment/payment';
import { type PaymentTransition, PaymentsRepository } from '../payment/payments.repository';
import type { PaymentEventTypeName } from '../ports/payment-event';

/**
 * Payment changes that tenants hear about, with no MongoDB transaction: a transaction left open by a killed
 * worker keeps its documents locked until MongoDB's transaction lifetime (60 s) runs out, and every payment it
 * touched waits that long. Instead the change records the event it owes in the same single-document update
 * (`pendingEvents`), the outbox entry is then written (insert-once by the deterministic event id) and the debt
 * cleared. A writer dying in between leaves the debt on the payment, and the outbox retry writes the entry
 * (PaymentOutboxDispatcher.dispatchPending): no change is ever committed without its event, and none is
 * announced twice. The event is then dispatched at once, and by the outbox retry if that attempt fails.
 */
@Injectable()
export class PaymentEventsService {
  constructor(
    private readonly payments: PaymentsRepository,
    private readonly outbox: PaymentOutboxRepository,
    private readonly dispatcher: PaymentOutboxDispatcher,
  ) {}

  /** The conditional transition with its event; null (and no event) when the transition did not match. */
  async transition(
    id: Types.ObjectId,
    change: PaymentTransition,
    type: PaymentEventTypeName,
  ): Promise<Payment | null> {
    const event = pendingPaymentEvent(id.toHexString(), type);
    return this.announce(event, await this.payments.transition(id, { ...change, pendingEvent: event }));
  }

  /** Marks a pending refund succeeded with its `payment.refunded`; null when it was no longer pending. */
  async refundSucceeded(
    paymentId: Types.ObjectId,
    refundId: Types.ObjectId,
    gatewayReference: string,
    type: PaymentEventTypeName,
  ): Promise<Payment | null> {
    const event = pendingPaymentEvent(paymentId.toHexString(), type, refundId.toHexString());
    return this.announce(
      event,
      await this.payments.markRefundSucceeded(paymentId, refundId, gatewayReference, event),
    );
  }

  private async announce(event: PendingPaymentEvent, payment: Payment | null): Promise<Payment | null> {
    if (payment === null) return null;
    const entry = await this.outbox.insertOnce(outboxEntryOf(event, payment));
    await this.payments.clearPendingEvent(payment._id, event.eventId);
    await this.dispatcher.dispatch(entry);
    return payment;
  }
}
