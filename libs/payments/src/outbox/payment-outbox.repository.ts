import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, type NewDocument, TenantAwareRepository } from '@tenantpay/data-isolation';
import { isDuplicateKeyError } from '@tenantpay/platform';
import type { Model, Types } from 'mongoose';
import type { PaymentOutboxEntry } from './payment-outbox-entry';
import { PAYMENT_OUTBOX_ENTRY_MODEL, PAYMENT_OUTBOX_TTL_INDEX } from './payment-outbox-entry.schema';

/** The current tenant's payment outbox. */
@Injectable()
export class PaymentOutboxRepository
  extends TenantAwareRepository<PaymentOutboxEntry>
  implements OnModuleInit
{
  private readonly logger = new Logger(PaymentOutboxRepository.name);

  constructor(
    @InjectModel(PAYMENT_OUTBOX_ENTRY_MODEL) model: Model<PaymentOutboxEntry>,
    isolation: DataIsolationService,
  ) {
    super(model, isolation);
  }

  async onModuleInit(): Promise<void> {
    // See PAYMENT_OUTBOX_TTL_INDEX for why this index is created here rather than declared on the schema.
    await this.createIndexOutsideSchema(PAYMENT_OUTBOX_TTL_INDEX).catch((error: unknown) =>
      this.logger.warn({ err: error }, 'Could not create the payment outbox TTL index'),
    );
  }

  /**
   * The entry for its event id: inserted, or the one already there (the unique `{ tenantId, eventId }` index
   * decides), so the writer and the outbox retry's repair may both write it.
   */
  async insertOnce(entry: NewDocument<PaymentOutboxEntry>): Promise<PaymentOutboxEntry> {
    try {
      return await this.create(entry);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const existing = await this.findOne({ eventId: entry.eventId });
      if (existing === null) throw error;
      return existing;
    }
  }

  async markDispatched(id: Types.ObjectId): Promise<void> {
    await this.updateOne({ _id: id, dispatchedAt: null }, { $set: { dispatchedAt: new Date() } });
  }

  async recordFailure(id: Types.ObjectId, message: string): Promise<void> {
    await this.updateOne({ _id: id }, { $inc: { attempts: 1 }, $set: { lastError: message.slice(0, 500) } });
  }
}
