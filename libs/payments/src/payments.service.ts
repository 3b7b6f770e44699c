import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  isDuplicateKeyError,
  type ListEnvelope,
  listEnvelope,
  ValidationException,
  waitAtMost,
} from '@tenantpay/platform';
import { TenantContextService } from '@tenantpay/tenancy';
import { mongo, trusted, Types } from 'mongoose';
import { DuplicatePaymentReferenceException } from './errors/duplicate-payment-reference.exception';
import { IdempotencyKeyRequiredException } from './errors/idempotency-key-required.exception';
import { PaymentNotFoundException } from './errors/payment-not-found.exception';
import { PaymentStateConflictException } from './errors/payment-state-conflict.exception';
import { RefundExceedsCapturedException } from './errors/refund-exceeds-captured.exception';
import { IdempotencyService } from './idempotency/idempotency.service';
import type { IdempotentResponse } from './idempotency/idempotent-response';
import { isKnownCurrency, isValidAmount } from './money/currency';
import type { CreatePaymentInput, RefundPaymentInput } from './payment/create-payment-input';
import type { Payment, PaymentActor, PaymentRefund } from './payment/payment';
import { paymentActorOf } from './payment/payment-actor';
import type { PaymentListQuery } from './payment/payment-list-query';
import { PAYMENTS_SETTINGS, type PaymentsSettings } from './payments-settings';
import { PaymentStatus } from './payment/payment-status.enum';
import { type PaymentView, toPaymentView } from './payment/payment-view';
import { PaymentsRepository, toObjectId } from './payment/payments.repository';
import { PaymentEventType } from './ports/payment-event';
import { STORAGE_USAGE, type StorageUsage } from './ports/storage-usage.port';
import { releaseHoldSafely } from './ports/release-hold-safely';
import { type QuotaHold, TRANSACTION_QUOTA, type TransactionQuota } from './ports/transaction-quota.port';
import { PaymentEventsService } from './processing/payment-events.service';
import { PaymentJobsService } from './processing/payment-jobs.service';
import { assertTransitionAllowed } from './state-machine/payment-state-machine';
import { applyPaymentWorkflow } from './workflows/payment-workflow-policy';

const CREATE_OPERATION = 'POST /v1/payments';
const refundOperation = (paymentId: string) => `POST /v1/payments/${paymentId}/refund`;

/**
 * Payments of the current tenant (SPEC §9): creation (idempotent, quota-checked, workflow-checked, then queued
 * for the worker), reads, listing, cancellation and refunds. The tenant is always the context's.
 */
@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);

  constructor(
    private readonly payments: PaymentsRepository,
    private readonly idempotency: IdempotencyService,
    private readonly jobs: PaymentJobsService,
    private readonly events: PaymentEventsService,
    private readonly tenantContext: TenantContextService,
    @Inject(TRANSACTION_QUOTA) private readonly quota: TransactionQuota,
    @Inject(STORAGE_USAGE) private readonly storage: StorageUsage,
    @Inject(PAYMENTS_SETTINGS) private readonly settings: PaymentsSettings,
  ) {}

  /**
   * Reserve, then commit: the transaction quota is held before the payment is written and given back if the
   * creation fails; an idempotent replay never reaches the reservation. `batch`: a row of a batch created by
   * the worker on behalf of its submitter, taking its unit from the batch's hold instead of reserving one.
   */
  async create(
    input: CreatePaymentInput,
    idempotencyKey?: string,
    batch?: { readonly onBehalfOf: PaymentActor; readonly quotaHold: QuotaHold | null },
  ): Promise<IdempotentResponse<PaymentView>> {
    this.requireKeyForApiKeys(idempotencyKey);
    const tenant = this.tenantContext.getTenant();
    // The DTO checks this already; money rules are re-checked where money is written.
    if (!isValidAmount(input.amount))
      throw new ValidationException([{ field: 'amount', issue: 'is not a valid amount' }]);
    if (!isKnownCurrency(input.currency))
      throw new ValidationException([{ field: 'currency', issue: 'is not an ISO 4217 currency' }]);
    const initialStatus = applyPaymentWorkflow(tenant, input);

    const hold = batch === undefined ? this.quota.prepareHold(tenant) : batch.quotaHold;
    // An object, not a `let`: the compiler does not see assignments made inside the callback.
    const quota = { attempted: false };
    const insert = async () => {
      // Inside the transaction, so a replay never reserves; the same hold id makes a retried transaction's
      // second reservation a no-op.
      if (batch === undefined && hold !== null) {
        // Before the call: a reservation that timed out here may still land in Redis, and must be given back.
        quota.attempted = true;
        await this.quota.reserve(tenant, hold);
      }
      const payment = await this.insert(input, initialStatus, batch?.onBehalfOf);
      return { status: 201, body: toPaymentView(payment) };
    };
    let response: IdempotentResponse<PaymentView>;
    try {
      response =
        idempotencyKey === undefined
          ? { ...(await insert()), replayed: false }
          : await this.idempotency.execute(idempotencyKey, CREATE_OPERATION, input, insert);
    } catch (error) {
      if (quota.attempted && hold !== null) await releaseHoldSafely(this.quota, tenant, hold, this.logger);
      throw error;
    }

    // What follows the commit talks to Redis (metering, the queue); a stalled Redis must not hold the answer
    // of a payment that already exists, so each waits at most the budget and otherwise finishes in the
    // background (the sweep enqueues a payment left PENDING if this process dies first).
    if (response.replayed) {
      // Re-enqueueing is free (the job id collapses duplicates) and heals a first request whose enqueue failed.
      if (response.body.status === PaymentStatus.Pending)
        await waitAtMost(this.enqueueSafely(response.body.id), this.settings.redisBudgetMs);
      return response;
    }
    await waitAtMost(this.afterCreate(response.body, hold), this.settings.redisBudgetMs);
    return response;
  }

  /**
   * For a creation that will not be attempted again under `idempotencyKey` (a batch row whose chunk failed for
   * good): the payment it committed, or null once no payment can ever be committed under the key.
   */
  async settleAbandonedCreation(
    input: CreatePaymentInput,
    idempotencyKey: string,
  ): Promise<PaymentView | null> {
    const stored = await this.idempotency.fence(idempotencyKey, CREATE_OPERATION, input);
    // A creation stores only its success: a refusal releases the key instead of completing it.
    return stored?.status === 201 ? (stored.body as PaymentView) : null;
  }

  async get(id: string): Promise<PaymentView> {
    return toPaymentView(await this.existing(id));
  }

  async list(query: PaymentListQuery): Promise<ListEnvelope<PaymentView>> {
    if (query.startingAfter !== undefined && query.endingBefore !== undefined) {
      throw new ValidationException([
        { field: 'ending_before', issue: 'cannot be combined with starting_after' },
      ]);
    }
    const { items, hasMore } = await this.payments.page(listFilter(query), {
      limit: query.limit,
      ...(query.startingAfter !== undefined
        ? { startingAfter: cursor(query.startingAfter, 'starting_after') }
        : {}),
      ...(query.endingBefore !== undefined
        ? { endingBefore: cursor(query.endingBefore, 'ending_before') }
        : {}),
    });
    return listEnvelope(items.map(toPaymentView), hasMore);
  }

  async cancel(id: string, reason?: string): Promise<PaymentView> {
    const payment = await this.existing(id);
    assertTransitionAllowed(payment.status, PaymentStatus.Canceled);
    const canceled = await this.events.transition(
      payment._id,
      {
        from: payment.status,
        to: PaymentStatus.Canceled,
        by: paymentActorOf(this.tenantContext.current()?.principal),
        reason: reason ?? 'canceled',
      },
      PaymentEventType.Canceled,
    );
    if (canceled === null) throw new PaymentStateConflictException();
    return toPaymentView(canceled);
  }

  /**
   * Reserves the refund atomically (the update matches only while the refunded amount is still the one read,
   * so concurrent refunds cannot together exceed the captured amount), then queues the gateway refund.
   */
  async refund(
    id: string,
    input: RefundPaymentInput,
    idempotencyKey?: string,
  ): Promise<IdempotentResponse<PaymentView>> {
    this.requireKeyForApiKeys(idempotencyKey);
    const reserve = async () => {
      const payment = await this.existing(id);
      const refundable = payment.amount - payment.refundedAmount;
      const amount = input.amount ?? refundable;
      if (payment.status !== PaymentStatus.Completed && payment.status !== PaymentStatus.PartiallyRefunded) {
        assertTransitionAllowed(payment.status, PaymentStatus.Refunded);
      }
      if (!isValidAmount(amount) || amount > refundable) throw new RefundExceedsCapturedException(refundable);
      const refundedAmount = payment.refundedAmount + amount;
      const refund: PaymentRefund = {
        _id: new Types.ObjectId(),
        amount,
        status: 'pending',
        reason: input.reason ?? null,
        gatewayReference: null,
        createdAt: new Date(),
      };
      const updated = await this.payments.transition(payment._id, {
        from: payment.status,
        to: refundedAmount === payment.amount ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded,
        by: paymentActorOf(this.tenantContext.current()?.principal),
        reason: `refund of ${amount}`,
        set: { refundedAmount },
        unless: { refundedAmount: payment.refundedAmount },
        pushRefund: refund,
      });
      if (updated === null) throw new PaymentStateConflictException();
      return { status: 200, body: toPaymentView(updated) };
    };
    const response =
      idempotencyKey === undefined
        ? { ...(await reserve()), replayed: false }
        : await this.idempotency.execute(idempotencyKey, refundOperation(id), input, reserve);
    for (const refund of response.body.refunds) {
      if (refund.status === 'pending') await this.enqueueRefundSafely(response.body.id, refund.id);
    }
    return response;
  }

  async existing(id: string): Promise<Payment> {
    return (await this.payments.findById(id)) ?? this.notFound();
  }

  private async insert(
    input: CreatePaymentInput,
    status: PaymentStatus,
    onBehalfOf: PaymentActor | undefined,
  ) {
    const createdBy = onBehalfOf ?? paymentActorOf(this.tenantContext.current()?.principal);
    try {
      return await this.payments.create({
        reference: input.reference,
        amount: input.amount,
        currency: input.currency,
        method: input.method,
        description: input.description ?? null,
        metadata: { ...(input.metadata ?? {}) },
        paymentToken: input.paymentToken ?? null,
        status,
        statusHistory: [{ from: null, to: status, at: new Date(), by: createdBy, reason: 'created' }],
        createdBy,
        approval: null,
        failureCode: null,
        failureMessage: null,
        gatewayReference: null,
        refundedAmount: 0,
        refunds: [],
        lastProcessingError: null,
        reconciliationAttempts: 0,
        pendingEvents: [],
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new DuplicatePaymentReferenceException();
      throw error;
    }
  }

  /** Metering and queueing once the payment is committed; their failures must not undo a created payment. */
  private async afterCreate(view: PaymentView, hold: QuotaHold | null): Promise<void> {
    const tenant = this.tenantContext.getTenant();
    // Side by side, the enqueue first: none waits for another, so a slow one (under the Redis budget) never
    // delays the others, and the job is sent at once.
    await Promise.all([
      view.status === PaymentStatus.Pending ? this.enqueueSafely(view.id) : undefined,
      // A batch whose hold expired (or predates holds) still counts its payments.
      this.quota
        .recordCreated(tenant, view.id, hold)
        .catch((error: unknown) =>
          this.logger.error({ err: error, paymentId: view.id }, 'Transaction not metered'),
        ),
      this.storage
        .recordGrowth(tenant, mongo.BSON.calculateObjectSize(view as never))
        .catch((error: unknown) =>
          this.logger.error({ err: error, paymentId: view.id }, 'Storage not metered'),
        ),
    ]);
  }

  private async enqueueSafely(paymentId: string): Promise<void> {
    await this.jobs.processPayment(paymentId).catch((error: unknown) =>
      // The payment stays PENDING; a retry of the request (same Idempotency-Key) enqueues it again.
      this.logger.error({ err: error, paymentId }, 'Payment created but not queued for processing'),
    );
  }

  private async enqueueRefundSafely(paymentId: string, refundId: string): Promise<void> {
    await this.jobs
      .processRefund(paymentId, refundId)
      .catch((error: unknown) => this.logger.error({ err: error, paymentId, refundId }, 'Refund not queued'));
  }

  private requireKeyForApiKeys(idempotencyKey: string | undefined): void {
    if (idempotencyKey === undefined && this.tenantContext.current()?.principal?.kind === 'api-key') {
      throw new IdempotencyKeyRequiredException();
    }
  }

  private notFound(): never {
    throw new PaymentNotFoundException();
  }
}

function cursor(value: string, field: string): Types.ObjectId {
  const id = toObjectId(value);
  if (id === null) throw new ValidationException([{ field, issue: 'must be a payment id' }]);
  return id;
}

function listFilter(query: PaymentListQuery): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (query.status !== undefined) filter['status'] = query.status;
  if (query.currency !== undefined) filter['currency'] = query.currency;
  if (query.method !== undefined) filter['method'] = query.method;
  if (query.reference !== undefined) filter['reference'] = query.reference;
  const created = range(query.createdGte, query.createdLte);
  if (created !== undefined) filter['createdAt'] = created;
  const amount = range(query.amountGte, query.amountLte);
  if (amount !== undefined) filter['amount'] = amount;
  return filter;
}

function range<T>(gte: T | undefined, lte: T | undefined) {
  if (gte === undefined && lte === undefined) return undefined;
  return trusted({
    ...(gte !== undefined ? { $gte: gte } : {}),
    ...(lte !== undefined ? { $lte: lte } : {}),
  });
}
