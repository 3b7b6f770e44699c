import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, PlatformRepository } from '@tenantpay/data-isolation';
import type { Model } from 'mongoose';
import type { Payment } from './payment';
import { PAYMENT_MODEL } from './payment.schema';

/** Every tenant's payments, for super-admin reports; usable only in the audited platform scope. */
@Injectable()
export class PlatformPaymentsRepository extends PlatformRepository<Payment> {
  constructor(@InjectModel(PAYMENT_MODEL) model: Model<Payment>, isolation: DataIsolationService) {
    super(model, isolation);
  }
}
