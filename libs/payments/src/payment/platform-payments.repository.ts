import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, PlatformRepository } from '@tenantpay/data-isolation';
import { type Model, trusted, Types } from 'mongoose';
import type { Payment } from './payment';
import { PAYMENT_MODEL } from './payment.schema';
import { PaymentStatus } from './payment-status.enum';

/**
 * Every tenant's payments, for super-admin reports and the worker's maintenance; usable only inside the
 * platform scope (`runAsPlatform` / `@BypassTenantIsolation`), and every use is audited with its reason.
 */
@Injectable()
export class PlatformPaymentsRepository extends PlatformRepository<Payment> {
  constructor(@InjectModel(PAYMENT_MODEL) model: Model<Payment>, isolation: DataIsolationService) {
    super(model, isolation);
  }

  /** PENDING since before `cutoff` (a transition sets `updatedAt`), oldest id first, after `afterId`. */
  async pendingSince(cutoff: Date, afterId: Types.ObjectId | null, limit: number): Promise<Payment[]> {
    return this.find(
      {
        status: PaymentStatus.Pending,
        updatedAt: trusted({ $lt: cutoff }),
        ...(afterId === null ? {} : { _id: trusted({ $gt: afterId }) }),
      },
      { sort: { _id: 1 }, limit },
    );
  }

  /**
   * Payments the tenant created in `[from, to)`, soft-deleted ones included: each was a transaction when it
   * was created (month close). Uses the `{ tenantId: 1, createdAt: 1 }` index.
   */
  async countCreatedBetween(tenantId: string, from: Date, to: Date): Promise<number> {
    return this.countDocuments(
      { tenantId: new Types.ObjectId(tenantId), createdAt: trusted({ $gte: from, $lt: to }) },
      { deleted: 'include' },
    );
  }
}
