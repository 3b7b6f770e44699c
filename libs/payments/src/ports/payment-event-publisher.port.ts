import type { PaymentEvent } from './payment-event';

/**
 * Where payment events go (the tenant webhooks library, bound by the app). Publishing must be idempotent by
 * `event.id`: events are published at least once.
 */
export interface PaymentEventPublisher {
  publish(event: PaymentEvent): Promise<void>;
}

export const PAYMENT_EVENT_PUBLISHER = Symbol('PAYMENT_EVENT_PUBLISHER');
