import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, TenantAwareRepository } from '@tenantpay/data-isolation';
import type { Model } from 'mongoose';
import type { PaymentBatch } from './payment-batch';
import { PAYMENT_BATCH_MODEL } from './payment-batch.schema';

/**
 * The current tenant's payment batches. A batch, its items and its idempotency record commit in one
 * transaction, which `create` joins through the ambient session.
 */
@Injectable()
export class PaymentBatchesRepository extends TenantAwareRepository<PaymentBatch> {
  constructor(@InjectModel(PAYMENT_BATCH_MODEL) model: Model<PaymentBatch>, isolation: DataIsolationService) {
    super(model, isolation);
  }
}
