import type { TenantOwnedFields } from '@tenantpay/data-isolation';
import type { PaymentView } from '../payment/payment-view';
import type { PaymentEventTypeName } from '../ports/payment-event';

/**
 * A payment event, written right after the change it announces (which records the debt atomically, so the
 * change is never left without it: PaymentEventsService); `dispatchedAt` is set once the publisher has it.
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
