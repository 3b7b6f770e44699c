import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  DataIsolationService,
  guardNewDocument,
  type NewDocument,
  TenantAwareRepository,
} from '@tenantpay/data-isolation';
import type { ClientSession, Model, Types } from 'mongoose';
import type { PaymentOutboxEntry } from './payment-outbox-entry';
import { PAYMENT_OUTBOX_ENTRY_MODEL } from './payment-outbox-entry.schema';

/**
 * The current tenant's payment outbox. `insert` takes a session because the entry commits with the payment
 * change it announces; TenantAwareRepository has no session parameter, so it applies the same guard itself.
 */
@Injectable()
export class PaymentOutboxRepository extends TenantAwareRepository<PaymentOutboxEntry> {
  constructor(
    @InjectModel(PAYMENT_OUTBOX_ENTRY_MODEL) model: Model<PaymentOutboxEntry>,
    isolation: DataIsolationService,
  ) {
    super(model, isolation);
  }

  async insert(entry: NewDocument<PaymentOutboxEntry>, session: ClientSession): Promise<PaymentOutboxEntry> {
    const tenant = this.isolation.tenantObjectId();
    const [created] = await this.model.create([guardNewDocument(entry, tenant)], { session });
    if (created === undefined) throw new Error('create returned no document');
    return created.toObject() as PaymentOutboxEntry;
  }

  async markDispatched(id: Types.ObjectId): Promise<void> {
    await this.updateOne({ _id: id, dispatchedAt: null }, { $set: { dispatchedAt: new Date() } });
  }

  async recordFailure(id: Types.ObjectId, message: string): Promise<void> {
    await this.updateOne({ _id: id }, { $inc: { attempts: 1 }, $set: { lastError: message.slice(0, 500) } });
  }
}
