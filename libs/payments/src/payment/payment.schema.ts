import { tenantOwnedSchema } from '@tenantpay/data-isolation';
import { Schema } from 'mongoose';
import { PAYMENT_COLLECTION } from '../payments.constant';
import { PAYMENT_EVENT_TYPES } from '../ports/payment-event';
import { PAYMENT_METHODS } from './payment-method.enum';
import { PAYMENT_STATUSES } from './payment-status.enum';
import type { Payment } from './payment';

export const PAYMENT_MODEL = 'Payment';

const actor = {
  type: { type: String, enum: ['user', 'api_key', 'system'], required: true },
  id: { type: String, default: null },
};

const StatusChangeSchema = new Schema(
  {
    from: { type: String, enum: [...PAYMENT_STATUSES, null], default: null },
    to: { type: String, enum: PAYMENT_STATUSES, required: true },
    at: { type: Date, required: true },
    by: actor,
    reason: { type: String, default: null },
  },
  { _id: false, strict: 'throw' },
);

const RefundSchema = new Schema(
  {
    amount: { type: Number, required: true, validate: Number.isSafeInteger },
    status: { type: String, enum: ['pending', 'succeeded'], required: true },
    reason: { type: String, default: null },
    gatewayReference: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { strict: 'throw' },
);

const PendingEventSchema = new Schema(
  {
    eventId: { type: String, required: true },
    type: { type: String, enum: PAYMENT_EVENT_TYPES, required: true },
    occurredAt: { type: Date, required: true },
  },
  { _id: false, strict: 'throw' },
);

export const PaymentSchema = tenantOwnedSchema<Payment>(
  {
    reference: { type: String, required: true },
    amount: { type: Number, required: true, min: 1, validate: Number.isSafeInteger },
    currency: { type: String, required: true },
    method: { type: String, enum: PAYMENT_METHODS, required: true },
    description: { type: String, default: null },
    metadata: { type: Schema.Types.Mixed, default: () => ({}) },
    paymentToken: { type: String, default: null },
    status: { type: String, enum: PAYMENT_STATUSES, required: true },
    statusHistory: { type: [StatusChangeSchema], default: [] },
    createdBy: actor,
    approval: {
      type: new Schema(
        {
          decision: { type: String, enum: ['approved', 'rejected'], required: true },
          by: actor,
          at: { type: Date, required: true },
          note: { type: String, default: null },
        },
        { _id: false, strict: 'throw' },
      ),
      default: null,
    },
    failureCode: { type: String, default: null },
    failureMessage: { type: String, default: null },
    gatewayReference: { type: String, default: null },
    refundedAmount: { type: Number, default: 0, validate: Number.isSafeInteger },
    refunds: { type: [RefundSchema], default: [] },
    lastProcessingError: { type: String, default: null },
    reconciliationAttempts: { type: Number, default: 0 },
    pendingEvents: { type: [PendingEventSchema], default: [] },
  },
  {
    collection: PAYMENT_COLLECTION,
    minimize: false,
    shard: {
      key: { tenantId: 1, reference: 1 },
      reason:
        'the unique reference per tenant must start with the key; references spread a big tenant’s payments over many chunks',
    },
  },
);

// Uniqueness and lookup of the tenant's own reference: `findOne({ tenantId, reference })`. Unique per tenant
// only, so a duplicate-key error never tells one tenant about another's references.
PaymentSchema.index({ tenantId: 1, reference: 1 }, { unique: true });
// Listing filtered by status, newest first: `find({ tenantId, status, deletedAt: null }).sort({ _id: -1 })`.
PaymentSchema.index({ tenantId: 1, status: 1, _id: -1 });
// Analytics and listing by creation range: `aggregate([{ $match: { tenantId, createdAt: { $gte, $lt } } }, …])`.
// Also the platform reports' cross-tenant range scan, `{ tenantId: { $type: 'objectId' }, createdAt: { $gte, $lt } }`:
// the scan seeks to the range within each tenant, so no second, createdAt-first index is written on every insert.
PaymentSchema.index({ tenantId: 1, createdAt: 1 });
// The worker's sweep for payments whose enqueue failed, across tenants (platform scope):
// `find({ status: 'PENDING', updatedAt: { $lt: cutoff }, deletedAt: null })`. Partial, so it holds only the
// few PENDING payments; tenantId stays the first key (shard key prefix), skipped by the scan's bounds.
PaymentSchema.index(
  { tenantId: 1, status: 1, updatedAt: 1 },
  { partialFilterExpression: { status: 'PENDING' } },
);
// The same sweep's other two timeouts: `find({ status: 'PROCESSING' | 'AWAITING_APPROVAL', updatedAt: { $lt:
// cutoff }, deletedAt: null })` (a job lost with Redis, an approval nobody gave). A second index rather than a
// wider filter on the first: an existing index's options cannot change in place. `$in` needs MongoDB 6.0+.
PaymentSchema.index(
  { tenantId: 1, updatedAt: 1 },
  {
    name: 'sweep_processing_and_awaiting_approval',
    partialFilterExpression: { status: { $in: ['PROCESSING', 'AWAITING_APPROVAL'] } },
  },
);
// The outbox retry's repair of events whose writer died after the status change (platform scope):
// `find({ 'pendingEvents.occurredAt': { $lt: cutoff }, deletedAt: null }).sort({ _id: 1 })`. Partial: it holds
// only payments owing an event, normally none for longer than a few milliseconds.
PaymentSchema.index(
  { tenantId: 1, 'pendingEvents.occurredAt': 1 },
  { partialFilterExpression: { 'pendingEvents.occurredAt': { $exists: true } } },
);
// Unfiltered listing newest first uses the `{ tenantId: 1, _id: 1 }` index tenantOwnedSchema declares.
