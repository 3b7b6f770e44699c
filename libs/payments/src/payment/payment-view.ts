import { formatMinorUnits } from '../money/currency';
import type { Payment, PaymentActor } from './payment';
import type { PaymentMethod } from './payment-method.enum';
import type { PaymentStatus } from './payment-status.enum';

/** A payment as the API shows it: JSON-safe (ISO dates, string ids), no tenant or soft-delete fields. */
export interface PaymentView {
  readonly id: string;
  readonly object: 'payment';
  readonly reference: string;
  readonly amount: number;
  readonly currency: string;
  /** The amount in major units, exact, with the currency's number of decimals ("12.345" KWD). */
  readonly amountDecimal: string;
  readonly method: PaymentMethod;
  readonly description: string | null;
  readonly metadata: Record<string, string>;
  readonly status: PaymentStatus;
  readonly refundedAmount: number;
  readonly failureCode: string | null;
  readonly failureMessage: string | null;
  readonly gatewayReference: string | null;
  readonly createdBy: PaymentActor;
  readonly approval: { decision: string; by: PaymentActor; at: string; note: string | null } | null;
  readonly refunds: {
    id: string;
    amount: number;
    status: string;
    reason: string | null;
    createdAt: string;
  }[];
  readonly statusHistory: {
    from: string | null;
    to: string;
    at: string;
    by: PaymentActor;
    reason: string | null;
  }[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

const actorView = (actor: PaymentActor): PaymentActor => ({ type: actor.type, id: actor.id ?? null });

export function toPaymentView(payment: Payment): PaymentView {
  return {
    id: payment._id.toHexString(),
    object: 'payment',
    reference: payment.reference,
    amount: payment.amount,
    currency: payment.currency,
    amountDecimal: formatMinorUnits(payment.amount, payment.currency),
    method: payment.method,
    description: payment.description ?? null,
    metadata: { ...(payment.metadata ?? {}) },
    status: payment.status,
    refundedAmount: payment.refundedAmount ?? 0,
    failureCode: payment.failureCode ?? null,
    failureMessage: payment.failureMessage ?? null,
    gatewayReference: payment.gatewayReference ?? null,
    createdBy: actorView(payment.createdBy),
    approval:
      payment.approval == null
        ? null
        : {
            decision: payment.approval.decision,
            by: actorView(payment.approval.by),
            at: new Date(payment.approval.at).toISOString(),
            note: payment.approval.note ?? null,
          },
    refunds: (payment.refunds ?? []).map((refund) => ({
      id: refund._id.toHexString(),
      amount: refund.amount,
      status: refund.status,
      reason: refund.reason ?? null,
      createdAt: new Date(refund.createdAt).toISOString(),
    })),
    statusHistory: (payment.statusHistory ?? []).map((change) => ({
      from: change.from ?? null,
      to: change.to,
      at: new Date(change.at).toISOString(),
      by: actorView(change.by),
      reason: change.reason ?? null,
    })),
    createdAt: new Date(payment.createdAt).toISOString(),
    updatedAt: new Date(payment.updatedAt).toISOString(),
  };
}
