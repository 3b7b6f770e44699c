import type { TenantOwnedFields } from '@tenantpay/data-isolation';
import type { Types } from 'mongoose';
import type { PaymentMethod } from './payment-method.enum';
import type { PaymentEventTypeName } from '../ports/payment-event';
import type { PaymentStatus } from './payment-status.enum';

/** Who started or decided something: a tenant user, an API key, or the platform itself (worker, gateway). */
export interface PaymentActor {
  readonly type: 'user' | 'api_key' | 'system';
  readonly id: string | null;
}

export interface StatusChange {
  readonly from: PaymentStatus | null;
  readonly to: PaymentStatus;
  readonly at: Date;
  readonly by: PaymentActor;
  readonly reason: string | null;
}

export interface PaymentRefund {
  readonly _id: Types.ObjectId;
  readonly amount: number;
  readonly status: 'pending' | 'succeeded';
  readonly reason: string | null;
  readonly gatewayReference: string | null;
  readonly createdAt: Date;
}

/**
 * An event a status change owes, recorded in the same atomic update as the change (no transaction): removed
 * once its outbox entry is written. One left behind means the writer died in between; the outbox retry
 * writes the entry then (PaymentOutboxDispatcher.dispatchPending).
 */
export interface PendingPaymentEvent {
  readonly eventId: string;
  readonly type: PaymentEventTypeName;
  readonly occurredAt: Date;
}

export interface PaymentApproval {
  readonly decision: 'approved' | 'rejected';
  readonly by: PaymentActor;
  readonly at: Date;
  readonly note: string | null;
}

export interface Payment extends TenantOwnedFields {
  reference: string;
  /** Integer minor units of `currency`. */
  amount: number;
  /** ISO 4217, uppercase. */
  currency: string;
  method: PaymentMethod;
  description: string | null;
  metadata: Record<string, string>;
  /** The payer's instrument as the gateway knows it (a card token); decides simulated gateway outcomes. */
  paymentToken: string | null;
  status: PaymentStatus;
  statusHistory: StatusChange[];
  createdBy: PaymentActor;
  approval: PaymentApproval | null;
  failureCode: string | null;
  failureMessage: string | null;
  gatewayReference: string | null;
  /** Sum of every refund so far; never above `amount` (the refund update is conditional on it). */
  refundedAmount: number;
  refunds: PaymentRefund[];
  /** The last transient processing error, while the worker still retries or after it gave up. */
  lastProcessingError: string | null;
  /** Sweeps that asked the gateway about this PROCESSING payment and got `unknown`; bounded (see the sweep). */
  reconciliationAttempts: number;
  pendingEvents: PendingPaymentEvent[];
}
