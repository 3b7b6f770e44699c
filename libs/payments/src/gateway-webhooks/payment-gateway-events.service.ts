import { Injectable } from '@nestjs/common';
import { GatewayEventsRepository } from './gateway-events.repository';
import { type GatewayEventView, toGatewayEventView } from './gateway-event-view';

/**
 * The most gateway events one payment's history lists. A payment sees a handful (authorised, captured, a
 * refund or two); the cap only bounds the read should a gateway flood one payment.
 */
export const PAYMENT_GATEWAY_EVENTS_LIMIT = 100;

/** What the payment gateway told us about one payment, in the order it arrived. */
@Injectable()
export class PaymentGatewayEventsService {
  constructor(private readonly events: GatewayEventsRepository) {}

  /** The caller checks the payment exists in the tenant first; an unknown id simply has no events. */
  async listOfPayment(paymentId: string): Promise<GatewayEventView[]> {
    // Served by the `{ tenantId, paymentId }` index; `_id` order is arrival order.
    const events = await this.events.find(
      { paymentId },
      { sort: { _id: 1 }, limit: PAYMENT_GATEWAY_EVENTS_LIMIT },
    );
    return events.map(toGatewayEventView);
  }
}
