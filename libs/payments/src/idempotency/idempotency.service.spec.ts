import { DataIsolationService, TransactionService } from '@tenantpay/data-isolation';
import { ResolutionMethod, TenantContextService, type TenantSnapshot } from '@tenantpay/tenancy';
import { eventually, testAppConfig, useTestMongo } from '@tenantpay/testing';
import { type Connection, Mongoose, Types } from 'mongoose';
import { IdempotencyInProgressException } from '../errors/idempotency-in-progress.exception';
import type { PaymentsSettings } from '../payments-settings';
import { IdempotencyService } from './idempotency.service';
import { IDEMPOTENCY_RECORD_MODEL, IdempotencyRecordSchema } from './idempotency-record.schema';
import { IdempotencyRecordsRepository } from './idempotency-records.repository';

/** The repository reads only the tenant's id from the context. */
function tenantSnapshot(slug: string): TenantSnapshot {
  return { id: new Types.ObjectId().toHexString(), slug } as TenantSnapshot;
}

describe('Idempotency keys are per tenant', () => {
  const mongo = useTestMongo();
  const context = new TenantContextService();
  const tenantA = tenantSnapshot('bank-a');
  const tenantB = tenantSnapshot('bank-b');
  let connection: Connection;
  let records: IdempotencyRecordsRepository;
  let service: IdempotencyService;

  const as = <T>(tenant: TenantSnapshot, work: () => T): T =>
    context.run({ tenant, resolvedBy: ResolutionMethod.JwtClaim, principal: null, requestId: 'r' }, work);

  beforeAll(async () => {
    connection = await new Mongoose().createConnection(mongo.uri).asPromise();
    const model = connection.model(IDEMPOTENCY_RECORD_MODEL, IdempotencyRecordSchema);
    await model.init();
    records = new IdempotencyRecordsRepository(model, new DataIsolationService(context));
    const settings = { idempotencyLeaseSeconds: 60, idempotencyTtlSeconds: 3600 } as PaymentsSettings;
    const config = testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: 'redis://127.0.0.1:0' });
    service = new IdempotencyService(records, new TransactionService(connection, context, config), settings);
  });
  afterAll(async () => {
    await connection.close();
  });
  beforeEach(async () => {
    await mongo.db.collection('idempotency_records').deleteMany({});
  });

  describe('IdempotencyRecordsRepository.findByKey', () => {
    it("never finds another tenant's record under the same key", async () => {
      await as(tenantA, () =>
        service.execute('key-1', 'create', { amount: 1 }, async () => ({ status: 201, body: 'A' })),
      );
      await expect(as(tenantB, () => records.findByKey('key-1'))).resolves.toBeNull();
      await expect(as(tenantA, () => records.findByKey('key-1'))).resolves.toMatchObject({
        key: 'key-1',
        tenantId: new Types.ObjectId(tenantA.id),
      });
    });
  });

  describe('IdempotencyService.execute', () => {
    it("runs tenant B's request under tenant A's key as B's own: no replay of A's response, no 422", async () => {
      const first = await as(tenantA, () =>
        service.execute('shared', 'create', { amount: 1 }, async () => ({
          status: 201,
          body: 'payment of A',
        })),
      );
      expect(first).toEqual({ status: 201, body: 'payment of A', replayed: false });

      const work = jest.fn(async () => ({ status: 201, body: 'payment of B' }));
      const differentBody = await as(tenantB, () => service.execute('shared', 'create', { amount: 2 }, work));
      expect(differentBody).toEqual({ status: 201, body: 'payment of B', replayed: false });
      expect(work).toHaveBeenCalledTimes(1);

      const replay = await as(tenantB, () => service.execute('shared', 'create', { amount: 2 }, work));
      expect(replay).toEqual({ status: 201, body: 'payment of B', replayed: true });
    });

    it("is not held up by tenant A's request still in flight under the same key", async () => {
      let finishA: () => void = () => undefined;
      const aInFlight = as(tenantA, () =>
        service.execute('in-flight', 'create', {}, async () => {
          await new Promise<void>((resolve) => (finishA = resolve));
          return { status: 201, body: 'A' };
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      await expect(
        as(tenantB, () =>
          service.execute('in-flight', 'create', {}, async () => ({ status: 201, body: 'B' })),
        ),
      ).resolves.toEqual({ status: 201, body: 'B', replayed: false });
      finishA();
      await expect(aInFlight).resolves.toEqual({ status: 201, body: 'A', replayed: false });
    });
  });

  describe('IdempotencyService.fence', () => {
    const work = async () => ({ status: 201, body: 'created' });

    it('answers the stored response of work that committed, and leaves the key replaying it', async () => {
      await as(tenantA, () => service.execute('done', 'create', { amount: 1 }, work));
      await expect(as(tenantA, () => service.fence('done', 'create', { amount: 1 }))).resolves.toEqual({
        status: 201,
        body: 'created',
        replayed: true,
      });
      const again = jest.fn(work);
      await expect(
        as(tenantA, () => service.execute('done', 'create', { amount: 1 }, again)),
      ).resolves.toEqual({ status: 201, body: 'created', replayed: true });
      expect(again).not.toHaveBeenCalled();
    });

    it('closes a key nothing ran under: later work under it is refused without running', async () => {
      await expect(as(tenantA, () => service.fence('unused', 'create', { amount: 1 }))).resolves.toBeNull();
      const late = jest.fn(work);
      await expect(
        as(tenantA, () => service.execute('unused', 'create', { amount: 1 }, late)),
      ).rejects.toBeInstanceOf(IdempotencyInProgressException);
      expect(late).not.toHaveBeenCalled();
    });

    it('keeps work already in flight under the key from committing', async () => {
      let finish: () => void = () => undefined;
      const inFlight = as(tenantA, () =>
        service.execute('racing', 'create', { amount: 1 }, async () => {
          await new Promise<void>((resolve) => (finish = resolve));
          return { status: 201, body: 'too late' };
        }),
      );
      await eventually('the claim to be written', async () => {
        return (await as(tenantA, () => records.findByKey('racing'))) !== null;
      });

      await expect(as(tenantA, () => service.fence('racing', 'create', { amount: 1 }))).resolves.toBeNull();
      finish();

      await expect(inFlight).rejects.toThrow();
      await expect(as(tenantA, () => records.findByKey('racing'))).resolves.toMatchObject({
        state: 'in_progress',
        responseBody: null,
      });
    });
  });
});
