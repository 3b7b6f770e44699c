import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, PlatformRepository } from '@tenantpay/data-isolation';
import { type Model, trusted, Types } from 'mongoose';
import type { Payment } from './payment';
import { PAYMENT_MODEL } from './payment.schema';
import type { PaymentStatus } from './payment-status.enum';

/** The statuses whose timeout the worker's sweep enforces (the others are owned by a job, a person, or final). */
export type SweptPaymentStatus =
  PaymentStatus.Pending | PaymentStatus.Processing | PaymentStatus.AwaitingApproval;

/**
 * Every tenant's payments, for super-admin reports and the worker's maintenance; usable only inside the
 * platform scope (`runAsPlatform` / `@BypassTenantIsolation`), and every use is audited with its reason.
 */
@Injectable()
export class PlatformPaymentsRepository extends PlatformRepository<Payment> {
  constructor(@InjectModel(PAYMENT_MODEL) model: Model<Payment>, isolation: DataIsolationService) {
    super(model, isolation);
  }

  /**
   * In `status` and unchanged since before `cutoff` (every write sets `updatedAt`), oldest id first, after
   * `afterId`. Only for the statuses the sweep owns a timeout of: each has a partial index (payment.schema.ts).
   */
  async inStatusSince(
    status: SweptPaymentStatus,
    cutoff: Date,
    afterId: Types.ObjectId | null,
    limit: number,
  ): Promise<Payment[]> {
    return this.find(
      {
        status,
        updatedAt: trusted({ $lt: cutoff }),
        ...(afterId === null ? {} : { _id: trusted({ $gt: afterId }) }),
      },
      { sort: { _id: 1 }, limit },
    );
  }

  /** Owing an event recorded before `cutoff` (its writer died before the outbox entry), oldest id first. */
  async owingEventsSince(cutoff: Date, afterId: Types.ObjectId | null, limit: number): Promise<Payment[]> {
    return this.find(
      {
        'pendingEvents.occurredAt': trusted({ $lt: cutoff }),
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
