import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import { Schema } from 'mongoose';
import { PAYMENT_METHODS } from '../payment/payment-method.enum';
import { PAYMENT_BATCH_ITEM_COLLECTION } from '../payments.constant';
import type { PaymentBatchItem } from './payment-batch-item';
import { PAYMENT_BATCH_ITEM_STATUSES } from './payment-batch-item-status.enum';

export const PAYMENT_BATCH_ITEM_MODEL = 'PaymentBatchItem';

const InputSchema = new Schema(
  {
    amount: { type: Number, required: true },
    currency: { type: String, required: true },
    reference: { type: String, required: true },
    method: { type: String, enum: PAYMENT_METHODS, required: true },
    description: { type: String },
    metadata: { type: Schema.Types.Mixed },
    paymentToken: { type: String },
  },
  { _id: false, strict: 'throw', minimize: false },
);

const ErrorSchema = new Schema(
  {
    code: { type: String, required: true },
    message: { type: String, required: true },
    details: { type: [Schema.Types.Mixed], default: [] },
  },
  { _id: false, strict: 'throw' },
);

export const PaymentBatchItemSchema = tenantOwnedSchema<PaymentBatchItem>(
  {
    batchId: { type: Schema.Types.ObjectId, required: true },
    row: { type: Number, required: true, min: 0, validate: Number.isSafeInteger },
    status: { type: String, enum: PAYMENT_BATCH_ITEM_STATUSES, required: true },
    input: { type: InputSchema, default: null },
    reference: { type: String, default: null },
    error: { type: ErrorSchema, default: null },
    paymentId: { type: Schema.Types.ObjectId, default: null },
  },
  {
    collection: PAYMENT_BATCH_ITEM_COLLECTION,
    minimize: false,
    shard: {
      key: { tenantId: 1, batchId: 1, row: 1 },
      reason:
        'the unique row per batch is the key: a batch’s rows are read together and its 10,000 rows can still split',
    },
  },
);

// One item per row, and the worker's chunk read and the items listing, both in row order:
// `find({ tenantId, batchId, row: { $gte, $lt }, status: 'pending' }).sort({ row: 1 })` and
// `find({ tenantId, batchId, row: { $gt: cursor } }).sort({ row: 1 }).limit(n)`.
PaymentBatchItemSchema.index({ tenantId: 1, batchId: 1, row: 1 }, { unique: true });
// Items listing filtered by outcome, and the progress count by outcome:
// `find({ tenantId, batchId, status, row: { $gt: cursor } }).sort({ row: 1 })` and
// `aggregate([{ $match: { tenantId, batchId } }, { $group: { _id: '$status' } }])`.
PaymentBatchItemSchema.index({ tenantId: 1, batchId: 1, status: 1, row: 1 });
