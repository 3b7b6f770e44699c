import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, PlatformRepository } from '@tenantpay/data-isolation';
import { type Model, trusted, type Types } from 'mongoose';
import type { PaymentOutboxEntry } from './payment-outbox-entry';
import { PAYMENT_OUTBOX_ENTRY_MODEL } from './payment-outbox-entry.schema';

/** Undispatched payment events across tenants, for the worker's retry; inside `runAsPlatform`, audited. */
@Injectable()
export class PaymentOutboxPlatformRepository extends PlatformRepository<PaymentOutboxEntry> {
  constructor(
    @InjectModel(PAYMENT_OUTBOX_ENTRY_MODEL) model: Model<PaymentOutboxEntry>,
    isolation: DataIsolationService,
  ) {
    super(model, isolation);
  }

  /** Oldest first, after `afterId`; `$type: 'null'` so the partial index on undispatched entries serves it. */
  async undispatched(afterId: Types.ObjectId | null, limit: number): Promise<PaymentOutboxEntry[]> {
    return this.find(
      {
        dispatchedAt: trusted({ $type: 'null' }),
        ...(afterId === null ? {} : { _id: trusted({ $gt: afterId }) }),
      },
      { sort: { _id: 1 }, limit },
    );
  }
}
