import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, TenantAwareRepository } from '@tenantpay/data-isolation';
import { type Model, trusted, type Types } from 'mongoose';
import type { PaymentBatchItem } from './payment-batch-item';
import { PAYMENT_BATCH_ITEM_MODEL } from './payment-batch-item.schema';
import type { PaymentBatchItemStatus } from './payment-batch-item-status.enum';

export interface PaymentBatchItemPageRequest {
  readonly limit: number;
  /** The row index the previous page ended with. */
  readonly startingAfter?: number;
  readonly status?: PaymentBatchItemStatus;
}

/** The rows of the current tenant's batches; `insertMany` joins the batch's creation transaction. */
@Injectable()
export class PaymentBatchItemsRepository extends TenantAwareRepository<PaymentBatchItem> {
  constructor(
    @InjectModel(PAYMENT_BATCH_ITEM_MODEL) model: Model<PaymentBatchItem>,
    isolation: DataIsolationService,
  ) {
    super(model, isolation);
  }

  /** Rows in `[from, to)` still waiting for their payment, in row order. */
  pendingRows(batchId: Types.ObjectId, from: number, to: number): Promise<PaymentBatchItem[]> {
    return this.find(
      { batchId, row: trusted({ $gte: from, $lt: to }), status: 'pending' },
      { sort: { row: 1 } },
    );
  }

  /** The row numbers of the batch still waiting for their payment, in row order. */
  async pendingRowNumbers(batchId: Types.ObjectId): Promise<number[]> {
    const rows = await this.find(
      { batchId, status: 'pending' },
      { sort: { row: 1 }, projection: { row: 1 } },
    );
    return rows.map((item) => item.row);
  }

  /** Row order: a total order fixed at submission, so pages neither repeat nor skip. */
  async page(
    batchId: Types.ObjectId,
    request: PaymentBatchItemPageRequest,
  ): Promise<{ items: PaymentBatchItem[]; hasMore: boolean }> {
    const items = await this.find(
      {
        batchId,
        ...(request.status !== undefined ? { status: request.status } : {}),
        ...(request.startingAfter !== undefined ? { row: trusted({ $gt: request.startingAfter }) } : {}),
      },
      { sort: { row: 1 }, limit: request.limit + 1 },
    );
    return { items: items.slice(0, request.limit), hasMore: items.length > request.limit };
  }

  async countByStatus(batchId: Types.ObjectId): Promise<Partial<Record<PaymentBatchItemStatus, number>>> {
    const groups = await this.aggregate<{ _id: PaymentBatchItemStatus; count: number }>([
      { $match: { batchId } },
      { $group: { _id: '$status', count: { $sum: 1 } } },
    ]);
    return Object.fromEntries(groups.map((group) => [group._id, group.count]));
  }
}
