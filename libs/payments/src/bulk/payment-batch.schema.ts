import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import { Schema } from 'mongoose';
import { PAYMENT_BATCH_COLLECTION } from '../payments.constant';
import type { PaymentBatch } from './payment-batch';
import { PAYMENT_BATCH_STATUSES } from './payment-batch-status.enum';

export const PAYMENT_BATCH_MODEL = 'PaymentBatch';

const count = { type: Number, required: true, min: 0, validate: Number.isSafeInteger };

export const PaymentBatchSchema = tenantOwnedSchema<PaymentBatch>(
  {
    status: { type: String, enum: PAYMENT_BATCH_STATUSES, required: true },
    counts: {
      type: new Schema(
        {
          total: count,
          accepted: count,
          rejected: count,
          pending: count,
          created: count,
          failed: count,
        },
        { _id: false, strict: 'throw' },
      ),
      required: true,
    },
    createdBy: {
      type: { type: String, enum: ['user', 'api_key', 'system'], required: true },
      id: { type: String, default: null },
    },
    completedAt: { type: Date, default: null },
    chunkSize: { type: Number, default: null, min: 1, validate: Number.isSafeInteger },
    quotaHold: {
      type: new Schema(
        {
          id: { type: String, required: true },
          period: { type: String, required: true },
          units: count,
          forBatch: { type: Boolean, required: true },
        },
        { _id: false, strict: 'throw' },
      ),
      default: null,
    },
  },
  {
    collection: PAYMENT_BATCH_COLLECTION,
    minimize: false,
    shard: {
      key: { tenantId: 1, _id: 1 },
      reason: 'no unique index to fit; batches are read by tenant and id',
    },
  },
);

// Batches are read by id (`findOne({ tenantId, _id })`): the `{ tenantId: 1, _id: 1 }` index that
// tenantOwnedSchema declares serves it.
// The worker's sweep for batches no chunk job will finish, across tenants (platform scope):
// `find({ status: { $in: ['PENDING', 'PROCESSING'] }, updatedAt: { $lt: cutoff }, deletedAt: null })`. Partial,
// so it holds only unfinished batches; tenantId stays the first key (shard key prefix). `$in` needs MongoDB 6.0+.
PaymentBatchSchema.index(
  { tenantId: 1, updatedAt: 1 },
  { name: 'sweep_unfinished', partialFilterExpression: { status: { $in: ['PENDING', 'PROCESSING'] } } },
);
