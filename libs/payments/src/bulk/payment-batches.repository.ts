import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  DataIsolationService,
  guardNewDocument,
  type NewDocument,
  TenantAwareRepository,
} from '@tenantpay/data-isolation';
import type { ClientSession, Model } from 'mongoose';
import type { PaymentBatch } from './payment-batch';
import { PAYMENT_BATCH_MODEL } from './payment-batch.schema';

/**
 * The current tenant's payment batches. `insert` takes a session because a batch, its items and its
 * idempotency record commit in one transaction; it applies the same guard as TenantAwareRepository.create.
 */
@Injectable()
export class PaymentBatchesRepository extends TenantAwareRepository<PaymentBatch> {
  constructor(@InjectModel(PAYMENT_BATCH_MODEL) model: Model<PaymentBatch>, isolation: DataIsolationService) {
    super(model, isolation);
  }

  async insert(document: NewDocument<PaymentBatch>, session: ClientSession): Promise<PaymentBatch> {
    const tenant = this.isolation.tenantObjectId();
    const [created] = await this.model.create([guardNewDocument(document, tenant)], { session });
    if (created === undefined) throw new Error('create returned no document');
    return created.toObject() as PaymentBatch;
  }
}
