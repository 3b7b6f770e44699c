import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, PlatformRepository } from '@tenantpay/data-isolation';
import { type Model, trusted, type Types } from 'mongoose';
import type { PaymentBatch } from './payment-batch';
import { PAYMENT_BATCH_MODEL } from './payment-batch.schema';
import { PaymentBatchStatus } from './payment-batch-status.enum';

/**
 * Every tenant's payment batches, for the worker's sweep of unfinished ones; usable only inside the platform
 * scope (`runAsPlatform`), and every use is audited with its reason.
 */
@Injectable()
export class PlatformPaymentBatchesRepository extends PlatformRepository<PaymentBatch> {
  constructor(@InjectModel(PAYMENT_BATCH_MODEL) model: Model<PaymentBatch>, isolation: DataIsolationService) {
    super(model, isolation);
  }

  /**
   * PENDING or PROCESSING and unchanged since before `cutoff` (every chunk's progress sets `updatedAt`), oldest
   * id first, after `afterId`. Uses the partial `sweep_unfinished` index (payment-batch.schema.ts).
   */
  async unfinishedSince(
    cutoff: Date,
    afterId: Types.ObjectId | null,
    limit: number,
  ): Promise<PaymentBatch[]> {
    return this.find(
      {
        status: trusted({ $in: [PaymentBatchStatus.Pending, PaymentBatchStatus.Processing] }),
        updatedAt: trusted({ $lt: cutoff }),
        ...(afterId === null ? {} : { _id: trusted({ $gt: afterId }) }),
      },
      { sort: { _id: 1 }, limit },
    );
  }
}
