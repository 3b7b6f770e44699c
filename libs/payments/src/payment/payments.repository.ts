import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  DataIsolationService,
  guardFilter,
  guardNewDocument,
  guardUpdate,
  type NewDocument,
  type RepositoryFilter,
  TenantAwareRepository,
} from '@tenantpay/data-isolation';
import { type ClientSession, type Model, trusted, Types } from 'mongoose';
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
 * The current tenant's payments. Methods that take a session exist because a payment and its idempotency
 * record are written in one transaction, and TenantAwareRepository has no session parameter: they apply the
 * very same guards (guardNewDocument, guardFilter, guardUpdate) before reaching the model.
 */
@Injectable()
export class PaymentsRepository extends TenantAwareRepository<Payment> {
  constructor(@InjectModel(PAYMENT_MODEL) model: Model<Payment>, isolation: DataIsolationService) {
    super(model, isolation);
  }

  async insert(document: NewDocument<Payment>, session: ClientSession | null): Promise<Payment> {
    const tenant = this.isolation.tenantObjectId();
    const [created] = await this.model.create([guardNewDocument(document, tenant)], { session });
    if (created === undefined) throw new Error('create returned no document');
    return created.toObject() as Payment;
  }

  /**
   * Applies one transition of the table atomically: the update matches only while the payment still has
   * `from` as its status (and the `unless` fields), so of two concurrent transitions exactly one matches.
   * Null when it did not match: the caller decides whether that is a conflict.
   */
  async transition(id: Types.ObjectId, change: PaymentTransition, session: ClientSession | null = null) {
    assertTransitionAllowed(change.from, change.to);
    const tenant = this.isolation.tenantObjectId();
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
    const filter = guardFilter({ ...change.unless, _id: id, status: change.from }, tenant);
    const update = guardUpdate({ $set: { ...change.set, status: change.to }, $push: push }, tenant);
    return (await this.model
      .findOneAndUpdate(filter, update as never, { returnDocument: 'after', session })
      .lean()
      .exec()) as Payment | null;
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
  async markRefundSucceeded(
    paymentId: Types.ObjectId,
    refundId: Types.ObjectId,
    gatewayReference: string,
    pendingEvent: PendingPaymentEvent,
  ): Promise<Payment | null> {
    const tenant = this.isolation.tenantObjectId();
    const filter = guardFilter(
      { _id: paymentId, refunds: trusted({ $elemMatch: { _id: refundId, status: 'pending' } }) },
      tenant,
    );
    const update = guardUpdate(
      {
        $set: {
          'refunds.$[refund].status': 'succeeded',
          'refunds.$[refund].gatewayReference': gatewayReference,
        },
        $push: { pendingEvents: pendingEvent },
      },
      tenant,
    );
    return (await this.model
      .findOneAndUpdate(filter, update as never, {
        arrayFilters: [{ 'refund._id': refundId }],
        returnDocument: 'after',
      })
      .lean()
      .exec()) as Payment | null;
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
