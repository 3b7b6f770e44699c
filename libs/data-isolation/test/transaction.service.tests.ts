import { TenantContextService } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo } from '@tenantpay/testing';
import { TransactionService, TransactionTenantMismatchException } from '../src';
import { EXAMPLE_PAYMENT_COLLECTION } from './fixtures/example-payment.schema';
import { type IsolationHarness, startIsolationHarness } from './support/isolation-harness';
import { seedTenants } from './support/two-tenant-seed';
import { asTenant, testTenant } from './support/test-tenants';

class RolledBack extends Error {}

describe('TransactionService.withTransaction (the ambient transaction)', () => {
  const mongo = useTestMongo();
  const tenantA = testTenant('bank-a');
  const tenantB = testTenant('bank-b');
  let harness: IsolationHarness;
  let transactions: TransactionService;

  const newPayment = (reference: string) => ({
    reference,
    amountMinor: 100,
    currency: 'EUR',
    status: 'PENDING',
    customerRef: 'C1',
    tags: [],
  });
  const storedReferences = async () =>
    (await mongo.db.collection(EXAMPLE_PAYMENT_COLLECTION).find({ tenantId: tenantA.objectId }).toArray())
      .map((document) => document['reference'] as string)
      .sort();
  const paymentCommands = () =>
    harness.probe.commands.filter((observed) => observed.collection === EXAMPLE_PAYMENT_COLLECTION);

  beforeAll(async () => {
    harness = await startIsolationHarness(mongo.uri);
    transactions = new TransactionService(
      harness.connection,
      new TenantContextService(),
      // The config is read for the transaction's retry bound only.
      testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: 'redis://127.0.0.1:0' }),
    );
  });
  afterAll(async () => {
    await harness.close();
  });
  beforeEach(async () => {
    await seedTenants(mongo.db, [tenantA, tenantB]);
    harness.probe.clear();
  });

  it('sends every repository command inside it as part of one transaction', async () => {
    const repository = harness.paymentRepository;
    await asTenant(tenantA, () =>
      transactions.withTransaction(async () => {
        await repository.create(newPayment('T1'));
        await repository.insertMany([newPayment('T2')]);
        await repository.updateOne({ reference: 'T1' }, { $set: { status: 'COMPLETED' } });
        await repository.findOneAndUpdate({ reference: 'T2' }, { $set: { status: 'FAILED' } });
        await repository.find({ reference: 'T1' });
        await repository.countDocuments({});
        await repository.aggregate([{ $match: { reference: 'T2' } }]);
        await repository.deleteOnePermanently({ reference: 'T2' });
      }),
    );
    const commands = paymentCommands();
    expect(commands.map((observed) => observed.name)).toEqual([
      'insert',
      'insert',
      'update',
      'findAndModify',
      'find',
      'aggregate',
      'aggregate',
      'delete',
    ]);
    const transactionNumbers = new Set(commands.map((observed) => String(observed.command['txnNumber'])));
    expect(transactionNumbers.size).toBe(1);
    expect(commands.every((observed) => observed.command['autocommit'] === false)).toBe(true);
    expect(await storedReferences()).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'T1']);
  });

  it('rolls every repository write back when the work throws', async () => {
    const repository = harness.paymentRepository;
    await expect(
      asTenant(tenantA, () =>
        transactions.withTransaction(async () => {
          await repository.create(newPayment('T1'));
          await repository.softDeleteOne({ reference: 'R1' });
          expect(await repository.exists({ reference: 'T1' })).toBe(true);
          throw new RolledBack();
        }),
      ),
    ).rejects.toBeInstanceOf(RolledBack);
    expect(await storedReferences()).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
    expect(
      await mongo.db
        .collection(EXAMPLE_PAYMENT_COLLECTION)
        .countDocuments({ tenantId: tenantA.objectId, reference: 'R1', deletedAt: null }),
    ).toBe(1);
  });

  it('lets a nested call join the enclosing transaction', async () => {
    const repository = harness.paymentRepository;
    await expect(
      asTenant(tenantA, () =>
        transactions.withTransaction(async () => {
          await transactions.withTransaction(() => repository.create(newPayment('T1')));
          throw new RolledBack();
        }),
      ),
    ).rejects.toBeInstanceOf(RolledBack);
    expect(await storedReferences()).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
  });

  it('does not follow work that switched to another tenant’s context inside it', async () => {
    const repository = harness.paymentRepository;
    await expect(
      asTenant(tenantA, () =>
        transactions.withTransaction(() => asTenant(tenantB, () => repository.create(newPayment('T1')))),
      ),
    ).rejects.toBeInstanceOf(TransactionTenantMismatchException);
    expect(await mongo.db.collection(EXAMPLE_PAYMENT_COLLECTION).countDocuments({ reference: 'T1' })).toBe(0);
  });

  it('leaves calls after it outside any transaction', async () => {
    await asTenant(tenantA, async () => {
      await transactions.withTransaction(() => harness.paymentRepository.create(newPayment('T1')));
      harness.probe.clear();
      await harness.paymentRepository.countDocuments({});
    });
    expect(paymentCommands().map((observed) => observed.command['txnNumber'])).toEqual([undefined]);
  });
});
