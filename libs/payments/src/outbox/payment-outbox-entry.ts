import type { TenantOwnedFields } from '@tenantpay/data-isolation';
import type { PaymentView } from '../payment/payment-view';
import type { PaymentEventTypeName } from '../ports/payment-event';

/**
 * A payment event written in the transaction of the change it announces, so the change is never committed
 * without it; `dispatchedAt` is set once the event publisher has taken it.
 */
export interface PaymentOutboxEntry extends TenantOwnedFields {
  /** The event's deterministic id: the publisher deduplicates by it, so dispatching twice is harmless. */
  eventId: string;
  type: PaymentEventTypeName;
  occurredAt: Date;
  data: PaymentView;
  dispatchedAt: Date | null;
  /** Failed dispatch attempts, and the last failure, for operators. */
  attempts: number;
  lastError: string | null;
}
