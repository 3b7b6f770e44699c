/**
 * Payments shaped as the product stores them, with the product's indexes (libs/payments payment.schema.ts,
 * tenantOwnedSchema's `{ tenantId: 1, _id: 1 }`), and the product's query shapes: the tenant-aware
 * repository wraps every filter as `{ $and: [filter, { tenantId, deletedAt: null }] }`.
 */
import { ObjectId, type Collection, type Document } from 'mongodb';

interface StatusChange {
  from: string | null;
  to: string;
  at: Date;
  by: string;
  reason: string | null;
}

export interface StoredPayment {
  _id: ObjectId;
  tenantId: ObjectId;
  reference: string;
  amount: number;
  currency: string;
  method: string;
  status: string;
  statusHistory: StatusChange[];
  refunds: Document[];
  pendingEvents: Array<{ eventId: string; type: string; occurredAt: Date }>;
  deletedAt: Date | null;
  deletedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const TENANTS = Array.from({ length: 50 }, () => new ObjectId());
const STATUSES = ['COMPLETED', 'COMPLETED', 'FAILED', 'PENDING'] as const;

export function storedPayment(sequence: number): StoredPayment {
  const at = new Date(1_700_000_000_000 + sequence * 1000);
  return {
    _id: new ObjectId(),
    tenantId: TENANTS[sequence % TENANTS.length] as ObjectId,
    reference: `PAY-${sequence.toString().padStart(8, '0')}`,
    amount: 1_000 + (sequence % 97) * 13,
    currency: 'EUR',
    method: 'card',
    status: STATUSES[sequence % STATUSES.length] as string,
    statusHistory: [{ from: null, to: 'PENDING', at, by: 'api', reason: null }],
    refunds: [],
    pendingEvents: [],
    deletedAt: null,
    deletedBy: null,
    createdAt: at,
    updatedAt: at,
  };
}

export async function createProductIndexes(payments: Collection<StoredPayment>): Promise<void> {
  await payments.createIndex({ tenantId: 1, _id: 1 });
  await payments.createIndex({ tenantId: 1, reference: 1 }, { unique: true });
  await payments.createIndex({ tenantId: 1, status: 1, _id: -1 });
  await payments.createIndex({ tenantId: 1, createdAt: 1 });
  await payments.createIndex(
    { tenantId: 1, status: 1, updatedAt: 1 },
    { partialFilterExpression: { status: 'PENDING' } },
  );
}

export async function fillPayments(
  payments: Collection<StoredPayment>,
  size: number,
  from = 0,
): Promise<void> {
  for (let start = from; start < from + size; start += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, from + size - start) }, (_, offset) =>
      storedPayment(start + offset),
    );
    await payments.insertMany(batch, { ordered: false });
  }
}

export function scoped(tenantId: ObjectId, filter: Document): Document {
  return { $and: [filter, { tenantId, deletedAt: null }] };
}
