import type { AdmittedWrite, PlacementWriteGate } from '@tenantpay/placement';
import { DuplicateKeyException } from '@tenantpay/platform';
import { TenantContextService } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo } from '@tenantpay/testing';
import { DataIsolationService, TransactionService } from '../src';
import { ExamplePaymentRepository } from './fixtures/example-payment.repository';
import { type IsolationHarness, startIsolationHarness } from './support/isolation-harness';
import { seedTenants } from './support/two-tenant-seed';
import { asTenant, testTenant } from './support/test-tenants';

/** A gate that admits every write and records which ones were reported landed. */
class RecordingWriteGate implements PlacementWriteGate {
  admitted = 0;
  landed = 0;

  async admitWrite(): Promise<AdmittedWrite> {
    this.admitted += 1;
    return { landed: () => (this.landed += 1) };
  }
}

describe('TenantAwareRepository and the placement write gate', () => {
  const mongo = useTestMongo();
  const tenant = testTenant('bank-a');
  let harness: IsolationHarness;
  let gate: RecordingWriteGate;
  let repository: ExamplePaymentRepository;
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
});
