import type { Db } from 'mongodb';
import { Types } from 'mongoose';
import { EXAMPLE_CONTACT_COLLECTION } from '../fixtures/example-contact.schema';
import { EXAMPLE_PAYMENT_COLLECTION } from '../fixtures/example-payment.schema';
import { SHARED_CURRENCY_COLLECTION, UNLISTED_COLLECTION } from './isolation-harness';
import type { TestTenant } from './test-tenants';

export const SEED_REFERENCES = ['R1', 'R2', 'R3', 'R4', 'R5'] as const;
export const SEED_CUSTOMERS = ['C1', 'C2', 'C3'] as const;
export const SEED_STATUSES = ['PENDING', 'COMPLETED', 'FAILED'] as const;

export interface SeededTenant {
  readonly paymentIds: Types.ObjectId[];
  readonly contactIds: Types.ObjectId[];
}

/**
 * The same business data for every tenant (same references, customers, amounts, referral chain), so a leak
 * can only show up as another tenant's `_id` or `tenantId` and never hides behind differing values. Written
 * with the raw driver, outside the library under test.
 */
export async function seedTenants(
  db: Db,
  tenants: readonly TestTenant[],
): Promise<Map<string, SeededTenant>> {
  await Promise.all([
    db.collection(EXAMPLE_PAYMENT_COLLECTION).deleteMany({}),
    db.collection(EXAMPLE_CONTACT_COLLECTION).deleteMany({}),
    db.collection(SHARED_CURRENCY_COLLECTION).deleteMany({}),
    db.collection(UNLISTED_COLLECTION).deleteMany({}),
  ]);
  await db.collection(SHARED_CURRENCY_COLLECTION).insertMany([
    { code: 'EUR', digits: 2 },
    { code: 'JPY', digits: 0 },
  ]);
  await db.collection(UNLISTED_COLLECTION).insertMany([{ code: 'secret' }]);
  const seeded = new Map<string, SeededTenant>();
  const now = new Date('2024-01-01T00:00:00Z');
  for (const tenant of tenants) {
    const payments = SEED_REFERENCES.map((reference, index) => ({
      _id: new Types.ObjectId(),
      tenantId: tenant.objectId,
      reference,
      amountMinor: (index + 1) * 1000,
      currency: index % 2 === 0 ? 'EUR' : 'JPY',
      status: SEED_STATUSES[index % SEED_STATUSES.length],
      customerRef: SEED_CUSTOMERS[index % SEED_CUSTOMERS.length],
      tags: index % 2 === 0 ? ['vip'] : [],
      deletedAt: index === 4 ? now : null,
      deletedBy: index === 4 ? 'seed' : null,
      createdAt: now,
      updatedAt: now,
    }));
    const contacts = SEED_CUSTOMERS.map((customerRef, index) => ({
      _id: new Types.ObjectId(),
      tenantId: tenant.objectId,
      customerRef,
      name: `Customer ${customerRef}`,
      email: `${customerRef.toLowerCase()}@example.com`,
      referredBy: index === 0 ? null : SEED_CUSTOMERS[index - 1],
      deletedAt: null,
      deletedBy: null,
      createdAt: now,
      updatedAt: now,
    }));
    await db.collection(EXAMPLE_PAYMENT_COLLECTION).insertMany(payments);
    await db.collection(EXAMPLE_CONTACT_COLLECTION).insertMany(contacts);
    seeded.set(tenant.id, { paymentIds: payments.map((p) => p._id), contactIds: contacts.map((c) => c._id) });
  }
  return seeded;
}
