import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  DataIsolationService,
  type RepositoryFilter,
  TenantAwareRepository,
} from '@tenantpay/data-isolation';
import { type Model, trusted, Types } from 'mongoose';
import { assertTransitionAllowed } from '../state-machine/payment-state-machine';
import type { Payment, PaymentActor, PaymentRefund, PendingPaymentEvent } from './payment';
import { PAYMENT_MODEL } from './payment.schema';
import { PaymentStatus } from './payment-status.enum';

export interface PaymentTransition {
  readonly from: PaymentStatus;
  readonly to: PaymentStatus;
  readonly by: PaymentActor;
  readonly reason?: string;
  /** Fields set together with the status. */
  readonly set?: Readonly<Record<string, unknown>>;
  /** Further conditions the document must still meet (optimistic concurrency on other fields). */
  readonly unless?: Readonly<Record<string, unknown>>;
  readonly pushRefund?: PaymentRefund;
  /** The event this change owes, recorded atomically with it (PaymentEventsService). */
  readonly pendingEvent?: PendingPaymentEvent;
}

export interface PaymentPageRequest {
  readonly limit: number;
  readonly startingAfter?: Types.ObjectId;
  readonly endingBefore?: Types.ObjectId;
}

/**
 * The current tenant's payments. A payment and its idempotency record are written in one transaction, which
 * these methods join through the ambient session; a status change records the event it owes in the same
 * atomic update (the outbox entry follows it), so no transaction spans a worker's status change.
 */
@Injectable()
export class PaymentsRepository extends TenantAwareRepository<Payment> {
  constructor(@InjectModel(PAYMENT_MODEL) model: Model<Payment>, isolation: DataIsolationService) {
    super(model, isolation);
  }

  /**
   * Applies one transition of the table atomically: the update matches only while the payment still has
   * `from` as its status (and the `unless` fields), so of two concurrent transitions exactly one matches.
   * Null when it did not match: the caller decides whether that is a conflict.
   */
  transition(id: Types.ObjectId, change: PaymentTransition): Promise<Payment | null> {
    assertTransitionAllowed(change.from, change.to);
    const history = {
      from: change.from,
      to: change.to,
      at: new Date(),
      by: change.by,
      reason: change.reason ?? null,
    };
    const push: Record<string, unknown> = { statusHistory: history };
    if (change.pushRefund !== undefined) push['refunds'] = change.pushRefund;
    if (change.pendingEvent !== undefined) push['pendingEvents'] = change.pendingEvent;
    return this.findOneAndUpdate(
      { ...change.unless, _id: id, status: change.from },
      { $set: { ...change.set, status: change.to }, $push: push },
    );
  }

  /** Newest first by `_id`: a total order, so pages neither repeat nor skip while new payments arrive. */
  async page(
    filter: RepositoryFilter,
    request: PaymentPageRequest,
  ): Promise<{ items: Payment[]; hasMore: boolean }> {
    const backwards = request.endingBefore !== undefined;
    const bound = backwards
      ? { _id: trusted({ $gt: request.endingBefore }) }
      : request.startingAfter !== undefined
        ? { _id: trusted({ $lt: request.startingAfter }) }
        : {};
    const items = await this.find(
      { $and: [filter, bound] },
      { sort: { _id: backwards ? 1 : -1 }, limit: request.limit + 1 },
    );
    const hasMore = items.length > request.limit;
    const page = items.slice(0, request.limit);
    return { items: backwards ? page.reverse() : page, hasMore };
  }

  /**
   * The payment after the change, with the event it owes recorded atomically; null when the refund was no
   * longer pending (or does not exist).
   */
  markRefundSucceeded(
    paymentId: Types.ObjectId,
    refundId: Types.ObjectId,
    gatewayReference: string,
    pendingEvent: PendingPaymentEvent,
  ): Promise<Payment | null> {
    return this.findOneAndUpdate(
      { _id: paymentId, refunds: trusted({ $elemMatch: { _id: refundId, status: 'pending' } }) },
      {
        $set: {
          'refunds.$[refund].status': 'succeeded',
          'refunds.$[refund].gatewayReference': gatewayReference,
        },
        $push: { pendingEvents: pendingEvent },
      },
      { arrayFilters: [{ 'refund._id': refundId }] },
    );
  }

  async recordProcessingError(paymentId: Types.ObjectId, message: string): Promise<void> {
    await this.updateOne({ _id: paymentId }, { $set: { lastProcessingError: message } });
  }

  /** The event's outbox entry is written: the payment no longer owes it. */
  async clearPendingEvent(paymentId: Types.ObjectId, eventId: string): Promise<void> {
    await this.updateOne({ _id: paymentId }, { $pull: { pendingEvents: { eventId } } });
  }

  /** The sweep asked the gateway and got no answer; counted, and only while the payment is still PROCESSING. */
  async recordReconciliationUnknown(paymentId: Types.ObjectId, reason: string): Promise<void> {
    await this.updateOne(
      { _id: paymentId, status: PaymentStatus.Processing },
      { $set: { lastProcessingError: `reconciliation: ${reason}` }, $inc: { reconciliationAttempts: 1 } },
    );
  }
}

export function toObjectId(id: string): Types.ObjectId | null {
  return /^[0-9a-f]{24}$/i.test(id) ? new Types.ObjectId(id) : null;
}
