import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditAction, AuditService } from '@tenantpay/audit';
import type { NewDocument } from '@tenantpay/data-isolation';
import {
  DomainException,
  type ErrorDetail,
  ErrorCode,
  type ListEnvelope,
  listEnvelope,
  toParamPath,
} from '@tenantpay/platform';
import { TenantContextService, type TenantSnapshot } from '@tenantpay/tenancy';
import { mongo, trusted } from 'mongoose';
import { IdempotencyService } from '../idempotency/idempotency.service';
import type { IdempotentResponse } from '../idempotency/idempotent-response';
import { paymentActorOf } from '../payment/payment-actor';
import { PaymentsRepository, toObjectId } from '../payment/payments.repository';
import type { PaymentStatus } from '../payment/payment-status.enum';
import { PAYMENT_BATCH_RESPONSE_ERROR_LIMIT } from '../payments.constant';
import { STORAGE_USAGE, type StorageUsage } from '../ports/storage-usage.port';
import { releaseHoldSafely } from '../ports/release-hold-safely';
import { type QuotaHold, TRANSACTION_QUOTA, type TransactionQuota } from '../ports/transaction-quota.port';
import { applyPaymentWorkflow } from '../workflows/payment-workflow-policy';
import { BatchIdempotencyKeyRequiredException } from './batch-idempotency-key-required.exception';
import type { PaymentBatch } from './payment-batch';
import type { PaymentBatchItem } from './payment-batch-item';
import { PaymentBatchItemStatus } from './payment-batch-item-status.enum';
import {
  PaymentBatchItemsRepository,
  type PaymentBatchItemPageRequest,
} from './payment-batch-items.repository';
import { PaymentBatchJobsService } from './payment-batch-jobs.service';
import { PAYMENT_BATCH_SETTINGS, type PaymentBatchSettings } from './payment-batch-settings';
import { PaymentBatchNotFoundException } from './payment-batch-not-found.exception';
import type { PaymentBatchRow } from './payment-batch-row';
import { PaymentBatchStatus } from './payment-batch-status.enum';
import {
  type PaymentBatchCreatedView,
  type PaymentBatchItemView,
  type PaymentBatchRowError,
  type PaymentBatchView,
  toPaymentBatchItemView,
  toPaymentBatchView,
} from './payment-batch-view';
import { PaymentBatchesRepository } from './payment-batches.repository';

const CREATE_OPERATION = 'POST /v1/payments/batches';

/**
 * Bulk payments (SPEC §9, PROFESSIONAL and up): a batch of rows becomes a batch record and one item per row;
 * the worker turns the accepted rows into payments chunk by chunk through PaymentsService.create, so every
 * row meets the same rules, metering and processing as a single payment.
 *
 * Rows are judged one by one: a bad row (invalid, a reference repeated in the batch or already used, refused
 * by the tenant's workflow) is stored as `rejected` with its errors and does not stop the others. The batch
 * is refused as a whole only when its accepted rows would exceed the month's transaction quota: then nothing
 * is created. Otherwise the quota of every accepted row is held at once (reserve, then commit), so rows created
 * later by the worker cannot be outrun by other creations. The batch key (Idempotency-Key) is required; a
 * replay answers the stored creation response and holds nothing.
 */
@Injectable()
export class PaymentBatchesService {
  private readonly logger = new Logger(PaymentBatchesService.name);

  constructor(
    private readonly batches: PaymentBatchesRepository,
    private readonly items: PaymentBatchItemsRepository,
    private readonly payments: PaymentsRepository,
    private readonly idempotency: IdempotencyService,
    private readonly jobs: PaymentBatchJobsService,
    private readonly audit: AuditService,
    private readonly tenantContext: TenantContextService,
    @Inject(TRANSACTION_QUOTA) private readonly quota: TransactionQuota,
    @Inject(STORAGE_USAGE) private readonly storage: StorageUsage,
    @Inject(PAYMENT_BATCH_SETTINGS) private readonly batchSettings: PaymentBatchSettings,
  ) {}

  async create(
    rows: readonly PaymentBatchRow[],
    idempotencyKey: string | undefined,
  ): Promise<IdempotentResponse<PaymentBatchCreatedView>> {
    if (idempotencyKey === undefined) throw new BatchIdempotencyKeyRequiredException();
    const tenant = this.tenantContext.getTenant();
    let storedBytes = 0;
    // An object, not a `let`: the compiler does not see assignments made inside the callback.
    const quota: { hold: QuotaHold | null } = { hold: null };
    const create = async () => {
      const judged = await this.judge(rows, tenant);
      const accepted = judged.filter((row) => row.valid).length;
      // All or nothing, before anything exists: a batch is one decision of its submitter, and a batch cut to
      // what fits would leave them to find out which rows were dropped. The same hold id on a retried
      // transaction (or a re-judged count) keeps one hold.
      if (quota.hold !== null && quota.hold.units !== accepted) {
        await this.quota.release(tenant, quota.hold);
        quota.hold = null;
      }
      if (accepted > 0) {
        quota.hold ??= this.quota.prepareHold(tenant, accepted);
        await this.quota.reserve(tenant, quota.hold);
      }
      const { batch, items } = this.documents(judged, accepted, quota.hold);
      const created = await this.batches.create(batch);
      const withBatch = items.map((item) => ({ ...item, batchId: created._id }));
      // Rows the service built itself, up to 10,000: lean, as hydrating each would cost seconds.
      await this.items.insertMany(withBatch, { lean: true });
      storedBytes = [created, ...withBatch].reduce(
        (sum, document) => sum + mongo.BSON.calculateObjectSize(document as never),
        0,
      );
      return { status: 202, body: createdView(created, judged) };
    };
    let response: IdempotentResponse<PaymentBatchCreatedView>;
    try {
      response = await this.idempotency.execute(idempotencyKey, CREATE_OPERATION, rows, create);
    } catch (error) {
      if (quota.hold !== null) await releaseHoldSafely(this.quota, tenant, quota.hold, this.logger);
      throw error;
    }
    if (!response.replayed) await this.afterCreate(tenant, response.body, storedBytes);
    // Enqueueing again on a replay is free (job ids collapse) and heals a first request whose enqueue failed.
    if (response.body.counts.accepted > 0) await this.enqueueSafely(response.body);
    return response;
  }

  async get(id: string): Promise<PaymentBatchView> {
    return toPaymentBatchView(await this.existing(id));
  }

  /** The tenant's batches, newest first. */
  async list(limit: number, startingAfter?: string): Promise<ListEnvelope<PaymentBatchView>> {
    const page = await this.batches.findPage(
      {},
      { limit, direction: 'desc', ...(startingAfter === undefined ? {} : { startingAfter }) },
    );
    return listEnvelope(page.items.map(toPaymentBatchView), page.hasMore);
  }

  /**
   * A page of rows with their payments' current statuses, read through by id in the same tenant: one indexed
   * query per page instead of a copy on every row that each later status change would have to keep in sync.
   */
  async listItems(
    id: string,
    request: PaymentBatchItemPageRequest,
  ): Promise<ListEnvelope<PaymentBatchItemView>> {
    const batch = await this.existing(id);
    const { items, hasMore } = await this.items.page(batch._id, request);
    const statuses = await this.paymentStatuses(items);
    return listEnvelope(
      items.map((item) =>
        toPaymentBatchItemView(
          item,
          item.paymentId === null ? null : (statuses.get(item.paymentId.toHexString()) ?? null),
        ),
      ),
      hasMore,
    );
  }

  private async paymentStatuses(items: readonly PaymentBatchItem[]): Promise<Map<string, PaymentStatus>> {
    const ids = items.flatMap((item) => (item.paymentId === null ? [] : [item.paymentId]));
    if (ids.length === 0) return new Map();
    const payments = await this.payments.find(
      { _id: trusted({ $in: ids }) },
      { projection: { _id: 1, status: 1 } },
    );
    return new Map(payments.map((payment) => [payment._id.toHexString(), payment.status]));
  }

  private async existing(id: string): Promise<PaymentBatch> {
    const objectId = toObjectId(id);
    const batch = objectId === null ? null : await this.batches.findById(objectId);
    if (batch === null) throw new PaymentBatchNotFoundException();
    return batch;
  }

  /** The checks that need data: references unique within the batch and among payments, the tenant's workflow. */
  private async judge(rows: readonly PaymentBatchRow[], tenant: TenantSnapshot): Promise<PaymentBatchRow[]> {
    const references = rows.flatMap((row) => (row.valid ? [row.input.reference] : []));
    const taken = new Set(
      (
        await this.payments.find(
          { reference: trusted({ $in: references }) },
          { projection: { reference: 1 }, deleted: 'include' },
        )
      ).map((payment) => payment.reference),
    );
    const seen = new Set<string>();
    return rows.map((row) => {
      if (!row.valid) return row;
      const { reference } = row.input;
      const errors: ErrorDetail[] = [];
      if (seen.has(reference))
        errors.push({ field: 'reference', issue: 'repeats an earlier row of this batch' });
      else if (taken.has(reference))
        errors.push({ field: 'reference', issue: 'already used by another payment of this tenant' });
      seen.add(reference);
      try {
        applyPaymentWorkflow(tenant, row.input);
      } catch (error) {
        if (!(error instanceof DomainException)) throw error;
        errors.push(...(error.details ?? [{ issue: error.message }]));
      }
      return errors.length === 0 ? row : { valid: false, errors, reference };
    });
  }

  private documents(
    rows: readonly PaymentBatchRow[],
    accepted: number,
    quotaHold: QuotaHold | null,
  ): {
    batch: NewDocument<PaymentBatch>;
    items: Omit<NewDocument<PaymentBatchItem>, 'batchId'>[];
  } {
    const rejected = rows.length - accepted;
    const done = accepted === 0;
    return {
      batch: {
        status: done ? PaymentBatchStatus.CompletedWithErrors : PaymentBatchStatus.Pending,
        counts: { total: rows.length, accepted, rejected, pending: accepted, created: 0, failed: 0 },
        createdBy: paymentActorOf(this.tenantContext.current()?.principal),
        completedAt: done ? new Date() : null,
        quotaHold,
        chunkSize: this.batchSettings.chunkSize,
      },
      items: rows.map((row, index) =>
        row.valid
          ? {
              row: index,
              status: PaymentBatchItemStatus.Pending,
              input: row.input,
              reference: row.input.reference,
              error: null,
              paymentId: null,
            }
          : {
              row: index,
              status: PaymentBatchItemStatus.Rejected,
              input: null,
              reference: row.reference,
              error: {
                code: ErrorCode.ValidationError,
                message: 'The row is invalid.',
                details: row.errors,
              },
              paymentId: null,
            },
      ),
    };
  }

  /** Audit and metering once the batch is committed; their failures must not undo an accepted batch. */
  private async afterCreate(
    tenant: TenantSnapshot,
    view: PaymentBatchCreatedView,
    storedBytes: number,
  ): Promise<void> {
    await this.audit.record({
      action: AuditAction.PaymentBatchCreated,
      outcome: 'success',
      resource: { type: 'payment_batch', id: view.id },
      metadata: { total: view.counts.total, accepted: view.counts.accepted, rejected: view.counts.rejected },
    });
    await this.storage
      .recordGrowth(tenant, storedBytes)
      .catch((error: unknown) => this.logger.error({ err: error, batchId: view.id }, 'Storage not metered'));
  }

  private async enqueueSafely(view: PaymentBatchView): Promise<void> {
    try {
      // The stored batch, not the (possibly replayed) response: its chunks follow the chunk size it was accepted with.
      await this.jobs.processBatch(await this.existing(view.id));
    } catch (error) {
      // The rows stay pending; a retry of the request (same batch key) or the stuck-batch sweep enqueues them again.
      this.logger.error({ err: error, batchId: view.id }, 'Batch accepted but not queued for processing');
    }
  }
}

function createdView(batch: PaymentBatch, rows: readonly PaymentBatchRow[]): PaymentBatchCreatedView {
  const errors: PaymentBatchRowError[] = rows.flatMap((row, index) =>
    row.valid
      ? []
      : row.errors.map((detail) => ({
          row: index,
          ...detail,
          // A row's own errors point into the row; the batch's response points into the request body.
          ...(detail.field === undefined ? {} : { param: `payments[${index}].${toParamPath(detail.field)}` }),
        })),
  );
  return {
    ...toPaymentBatchView(batch),
    errors: errors.slice(0, PAYMENT_BATCH_RESPONSE_ERROR_LIMIT),
    errorsTruncated: errors.length > PAYMENT_BATCH_RESPONSE_ERROR_LIMIT,
  };
}
