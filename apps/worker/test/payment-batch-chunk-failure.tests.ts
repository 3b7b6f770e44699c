import type { INestApplicationContext } from '@nestjs/common';
import {
  IdempotencyInProgressException,
  PaymentBatchesService,
  paymentBatchRowIdempotencyKey,
  type PaymentBatchRow,
  PaymentMethod,
  PaymentsService,
} from '@tenantpay/payments';
import { REDIS_CLIENT } from '@tenantpay/platform';
import { type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { eventually, testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { QUOTA_HELD_TOTAL_FIELD, quotaHeldUnitsKey, UsagePeriod } from '@tenantpay/usage';
import type Redis from 'ioredis';
import { ObjectId } from 'mongodb';
import { faultInjectingGatewayOf } from './support/fault-injecting-payment-gateway';
import { startPaymentsTestWorker } from './support/start-payments-test-worker';
import { createWorkerTestTenant, inTenantOf } from './support/worker-test-tenant';

const ATTEMPTS = 2;

/**
 * A bulk chunk that fails for good (every attempt) used to leave its rows pending and its batch PROCESSING
 * forever. The permanent failure is injected into the worker's own PaymentsService for chosen rows: one row's
 * payment commits and then its chunk fails (the answer lost after the commit), another fails before anything is
 * written. Chunks are three rows, rows created one at a time, so each chunk's rows after the failing one are
 * never reached.
 */
describe('bulk payments: a chunk that exhausts its attempts settles its rows and completes the batch (worker)', () => {
  afterAll(async () => {
    if (worker !== undefined) faultInjectingGatewayOf(worker).releaseHungCalls();
    await worker?.close();
  });
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let worker: INestApplicationContext;
  let tenant: TenantSnapshot;
  let sequence = 0;

  beforeAll(async () => {
    const config = testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url });
    worker = await startPaymentsTestWorker(config, {
      processing: { attempts: ATTEMPTS, backoffDelayMs: 20, backoffJitter: 0 },
      batches: { chunkSize: 3, rowConcurrency: 1, chunkConcurrency: 2 },
      faultInjectingGateway: true,
    });
    tenant = await createWorkerTestTenant(worker, 'bulk-faults', Tier.Professional);

    const payments = worker.get(PaymentsService);
    const create = payments.create.bind(payments);
    jest.spyOn(payments, 'create').mockImplementation(async (input, key, batch) => {
      if (input.reference.includes('BEFORE-COMMIT')) throw new Error('database unavailable');
      const response = await create(input, key, batch);
      if (input.reference.includes('AFTER-COMMIT')) throw new Error('connection reset after the commit');
      return response;
    });
  });

  const inTenant = <T>(work: () => Promise<T>) => inTenantOf(worker, tenant, work);
  const collection = (name: string) => mongo.db.collection(name);
  const input = (reference: string) => ({
    amount: 1200,
    currency: 'EUR',
    reference,
    method: PaymentMethod.Card,
    paymentToken: 'tok_visa',
  });
  const row = (reference: string): PaymentBatchRow => ({ valid: true, input: input(reference) });
  const submit = (rows: readonly PaymentBatchRow[], key: string) =>
    inTenant(() => worker.get(PaymentBatchesService).create(rows, key));
  const storedBatch = (id: string) => collection('payment_batches').findOne({ _id: new ObjectId(id) });
  const batchFinished = async (id: string) =>
    ['COMPLETED', 'COMPLETED_WITH_ERRORS'].includes(String((await storedBatch(id))?.['status']));

  it('records the committed row as created, fails the rest with a reason, completes the batch and frees the quota', async () => {
    const prefix = `B${++sequence}`;
    const references = [
      `${prefix}-0`,
      `${prefix}-1-AFTER-COMMIT`,
      `${prefix}-2`,
      `${prefix}-3`,
      `${prefix}-4-BEFORE-COMMIT`,
      `${prefix}-5`,
      `${prefix}-6`,
    ];
    const rows = references.map(row);
    const key = `${prefix}-batch-key`;
    const { body: submitted } = await submit(rows, key);

    await eventually('the batch to finish', () => batchFinished(submitted.id), 20_000);

    const batch = await storedBatch(submitted.id);
    expect(batch).toEqual(
      expect.objectContaining({
        status: 'COMPLETED_WITH_ERRORS',
        counts: expect.objectContaining({ total: 7, accepted: 7, pending: 0, created: 4, failed: 3 }),
      }),
    );
    const items = await collection('payment_batch_items')
      .find({ batchId: new ObjectId(submitted.id) }, { sort: { row: 1 } })
      .toArray();
    expect(items.map((item) => item['status'])).toEqual([
      'created',
      'created',
      'failed',
      'created',
      'failed',
      'failed',
      'created',
    ]);
    for (const item of items.filter((each) => each['status'] === 'failed')) {
      expect(item['error']).toEqual(
        expect.objectContaining({ code: 'internal_error', message: expect.stringContaining('No payment') }),
      );
    }

    // Exactly one payment per created row, the one its item names; none for a failed row.
    const payments = await collection('payments')
      .find({ reference: { $in: references } })
      .toArray();
    expect(payments).toHaveLength(4);
    for (const item of items) {
      const payment = payments.find((each) => each['reference'] === references[item['row'] as number]);
      if (item['status'] === 'created') expect(item['paymentId']).toEqual(payment?._id);
      else expect(payment).toBeUndefined();
    }

    // The batch's hold is gone: the failed rows' units were given back, the created rows' counted.
    const period = UsagePeriod.containing(new Date()).toString();
    expect(
      await worker
        .get<Redis>(REDIS_CLIENT)
        .hget(quotaHeldUnitsKey(tenant.id, period), QUOTA_HELD_TOTAL_FIELD),
    ).toBe('0');

    // Every created payment is processed and charged once, the committed-then-failed row's included.
    const gateway = faultInjectingGatewayOf(worker);
    await eventually('the created payments to complete', async () =>
      (
        await collection('payments')
          .find({ reference: { $in: references } })
          .toArray()
      ).every((payment) => payment['status'] === 'COMPLETED'),
    );
    for (const payment of payments) expect(await gateway.chargesMade(payment._id.toHexString())).toBe(1);

    // Replaying the batch request answers the stored response and creates nothing more.
    const replay = await submit(rows, key);
    expect(replay.replayed).toBe(true);
    expect(replay.body.id).toBe(submitted.id);
    expect(await collection('payment_batches').countDocuments({ tenantId: new ObjectId(tenant.id) })).toBe(1);
    expect(await collection('payments').countDocuments({ reference: { $in: references } })).toBe(4);
    expect((await storedBatch(submitted.id))?.['status']).toBe('COMPLETED_WITH_ERRORS');
  });

  it("closes a failed row's key: a late run of its chunk can no longer create its payment", async () => {
    const prefix = `B${++sequence}`;
    const references = [`${prefix}-0-BEFORE-COMMIT`, `${prefix}-1`];
    const { body: submitted } = await submit(references.map(row), `${prefix}-batch-key`);
    await eventually('the batch to finish', () => batchFinished(submitted.id), 20_000);

    // What a stalled first run of the chunk, still alive on another worker, would do for row 1 now.
    const lateRun = inTenant(() =>
      worker
        .get(PaymentsService)
        .create(input(`${prefix}-1`), paymentBatchRowIdempotencyKey(submitted.id, 1)),
    );
    await expect(lateRun).rejects.toBeInstanceOf(IdempotencyInProgressException);
    expect(await collection('payments').countDocuments({ reference: { $in: references } })).toBe(0);
  });
});
