import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, TenantAwareRepository } from '@tenantpay/data-isolation';
import type { Model, Types } from 'mongoose';
import type { PaymentOutboxEntry } from './payment-outbox-entry';
import { PAYMENT_OUTBOX_ENTRY_MODEL } from './payment-outbox-entry.schema';

/**
 * The current tenant's payment outbox. An entry commits with the payment change it announces: `create` joins
 * that transaction through the ambient session.
 */
@Injectable()
export class PaymentOutboxRepository extends TenantAwareRepository<PaymentOutboxEntry> {
  constructor(
    @InjectModel(PAYMENT_OUTBOX_ENTRY_MODEL) model: Model<PaymentOutboxEntry>,
    isolation: DataIsolationService,
  ) {
    super(model, isolation);
  }

  async markDispatched(id: Types.ObjectId): Promise<void> {
    await this.updateOne({ _id: id, dispatchedAt: null }, { $set: { dispatchedAt: new Date() } });
  }

  async recordFailure(id: Types.ObjectId, message: string): Promise<void> {
    await this.updateOne({ _id: id }, { $inc: { attempts: 1 }, $set: { lastError: message.slice(0, 500) } });
  }
}
