import type { AdmittedWrite, PlacementWriteGate } from '@tenantpay/placement';
import { DuplicateKeyException } from '@tenantpay/platform';
import { TenantContextService } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo } from '@tenantpay/testing';
import {
  DataIsolationService,
  TENANT_DATA_PURGE_BATCH_SIZE,
  TenantOwnedDataService,
  TransactionService,
} from '../src';
import { ExamplePaymentRepository } from './fixtures/example-payment.repository';
import { EXAMPLE_PAYMENT_COLLECTION } from './fixtures/example-payment.schema';
import { type IsolationHarness, startIsolationHarness } from './support/isolation-harness';
import { seedTenants } from './support/two-tenant-seed';
import { asTenant, testTenant } from './support/test-tenants';

/**
 * A gate that admits every write and records which ones were reported landed; with `recordDeletions` set it
 * answers as for a tenant being moved.
 */
class RecordingWriteGate implements PlacementWriteGate {
  admitted = 0;
  landed = 0;
  recordDeletions: AdmittedWrite['recordDeletions'];

  async admitWrite(): Promise<AdmittedWrite> {
    this.admitted += 1;
    return {
      landed: () => (this.landed += 1),
      ...(this.recordDeletions === undefined ? {} : { recordDeletions: this.recordDeletions }),
    };
  }
}

describe('TenantAwareRepository and the placement write gate', () => {
  const mongo = useTestMongo();
  const tenant = testTenant('bank-a');
  let harness: IsolationHarness;
  let gate: RecordingWriteGate;
  let repository: ExamplePaymentRepository;
  let repositoryIsolation: DataIsolationService;
  let transactions: TransactionService;
  const newPayment = (reference: string) => ({
    reference,
    amountMinor: 100,
    currency: 'EUR',
    status: 'PENDING',
    customerRef: 'C1',
    tags: [],
  });

  beforeAll(async () => {
    harness = await startIsolationHarness(mongo.uri);
    transactions = new TransactionService(
      harness.connection,
      new TenantContextService(),
      testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: 'redis://127.0.0.1:0' }),
    );
  });
  afterAll(async () => {
    await harness.close();
  });
  beforeEach(async () => {
    await seedTenants(mongo.db, [tenant]);
    gate = new RecordingWriteGate();
    const isolation = new DataIsolationService(
      new TenantContextService(),
      undefined,
      undefined,
      undefined,
      undefined,
      gate,
    );
    repositoryIsolation = isolation;
    repository = new ExamplePaymentRepository(harness.payments, isolation);
  });

  it('reports a write landed once the database has it, and asks nothing for a read', async () => {
    await asTenant(tenant, async () => {
      await repository.create(newPayment('L1'));
      await repository.updateOne({ reference: 'L1' }, { $set: { status: 'COMPLETED' } });
      await repository.find({});
    });

    expect(gate).toMatchObject({ admitted: 2, landed: 2 });
  });

  it('never reports a failed write landed: it keeps its lease', async () => {
    await asTenant(tenant, () => repository.create(newPayment('L2')));

    await expect(asTenant(tenant, () => repository.create(newPayment('L2')))).rejects.toBeInstanceOf(
      DuplicateKeyException,
    );

    expect(gate).toMatchObject({ admitted: 2, landed: 1 });
  });

  it('leaves a write inside a transaction to its lease: it lands at the commit, after the call', async () => {
    await asTenant(tenant, () => transactions.withTransaction(() => repository.create(newPayment('L3'))));

    expect(gate).toMatchObject({ admitted: 1, landed: 0 });
  });

  it("records a moving tenant's hard delete before the document goes, and deletes nothing the record refused", async () => {
    const payments = mongo.db.collection(EXAMPLE_PAYMENT_COLLECTION);
    const created = await asTenant(tenant, async () => {
      await repository.create(newPayment('D2'));
      return repository.create(newPayment('D1'));
    });
    const recorded: { collection: string; ids: readonly unknown[]; presentWhenRecorded: boolean }[] = [];
    gate.recordDeletions = async (collection, ids) => {
      const present = await payments.countDocuments({ _id: { $in: ids as never[] } });
      recorded.push({ collection, ids, presentWhenRecorded: present === ids.length });
    };

    expect(await asTenant(tenant, () => repository.deleteOnePermanently({ reference: 'D1' }))).toBe(1);
    expect(recorded).toEqual([
      { collection: EXAMPLE_PAYMENT_COLLECTION, ids: [created._id], presentWhenRecorded: true },
    ]);
    expect(await asTenant(tenant, () => repository.deleteOnePermanently({ reference: 'none' }))).toBe(0);
    expect(recorded).toHaveLength(1);

    const refusal = new Error('the move state is gone');
    gate.recordDeletions = async () => {
      throw refusal;
    };
    await expect(asTenant(tenant, () => repository.deleteOnePermanently({ reference: 'D2' }))).rejects.toBe(
      refusal,
    );
    expect(await payments.countDocuments({ reference: 'D2' })).toBe(1);
  });

  it("records every id of a moving tenant's purge before it goes, batch by batch, and purges nothing the record refused", async () => {
    const payments = mongo.db.collection(EXAMPLE_PAYMENT_COLLECTION);
    const other = testTenant('bank-b');
    await seedTenants(mongo.db, [tenant, other]);
    const purger = new TenantOwnedDataService(harness.connection, repositoryIsolation);
    await asTenant(tenant, () =>
      repository.insertMany(
        Array.from({ length: TENANT_DATA_PURGE_BATCH_SIZE }, (_, index) => newPayment(`P${index}`)),
      ),
    );
    const own = await payments.countDocuments({ tenantId: tenant.objectId });
    const others = await payments.countDocuments({ tenantId: other.objectId });
    expect(own).toBeGreaterThan(TENANT_DATA_PURGE_BATCH_SIZE);

    const refusal = new Error('the move state is gone');
    gate.recordDeletions = async () => {
      throw refusal;
    };
    await expect(asTenant(tenant, () => purger.purge(EXAMPLE_PAYMENT_COLLECTION))).rejects.toBe(refusal);
    expect(await payments.countDocuments({ tenantId: tenant.objectId })).toBe(own);

    const recorded: unknown[] = [];
    gate.recordDeletions = async (collection, ids) => {
      expect(collection).toBe(EXAMPLE_PAYMENT_COLLECTION);
      // Recorded while every one of them is still there: the mover may not learn of a delete after it happened.
      expect(await payments.countDocuments({ _id: { $in: ids as never[] } })).toBe(ids.length);
      recorded.push(...ids);
    };
    const landedBefore = gate.landed;
    expect(await asTenant(tenant, () => purger.purge(EXAMPLE_PAYMENT_COLLECTION))).toBe(own);
    expect(new Set(recorded.map(String)).size).toBe(own);
    expect(await payments.countDocuments({ tenantId: tenant.objectId })).toBe(0);
    expect(await payments.countDocuments({ tenantId: other.objectId })).toBe(others);
    // One admitted write per batch (a full one, the rest), then the empty look that ends it.
    expect(gate.landed - landedBefore).toBe(3);
  });
});
