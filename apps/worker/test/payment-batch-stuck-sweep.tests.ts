import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import {
  PAYMENT_BATCHES_QUEUE,
  PaymentBatchesService,
  paymentBatchChunkJobId,
  PaymentBatchJobName,
  PaymentBatchProcessingService,
  type PaymentBatchRow,
  PaymentMethod,
  PaymentsService,
  StuckPaymentBatchesSweeper,
} from '@tenantpay/payments';
import { type AppConfig, queueConnection, REDIS_CLIENT } from '@tenantpay/platform';
import { TenantAdminService, TenantContextService, type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { eventually, testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { QUOTA_HELD_TOTAL_FIELD, quotaHeldUnitsKey, UsagePeriod } from '@tenantpay/usage';
import { type Queue, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { ObjectId } from 'mongodb';
import { BulkPaymentBatchWorker } from '../src/payments/bulk-payment-batch.worker';
import { startPaymentsTestWorker } from './support/start-payments-test-worker';
import { createWorkerTestTenant, inTenantOf } from './support/worker-test-tenant';

const ATTEMPTS = 2;
const CHUNK_SIZE = 3;
const GRACE_SECONDS = 300;

/**
 * The stuck-batch sweep (StuckPaymentBatchesSweeper, run by the worker's payments maintenance schedule) against
 * the real worker. Each case first shows the batch left unfinished by the worker alone, then sweeps once (the
 * batch aged past the grace, as the schedule would find it an interval later). Chunks are three rows, created
 * one at a time; rows whose reference contains BEFORE-COMMIT fail for good before anything is written.
 */
describe('bulk payments: the sweep finishes batches no chunk job will finish (worker)', () => {
  afterAll(async () => {
    await stallingWorker?.close();
    await worker?.close();
  });
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let config: AppConfig;
  let worker: INestApplicationContext;
  let tenant: TenantSnapshot;
  let batchesQueue: Queue;
  let stallingWorker: Worker | undefined;
  let sequence = 0;

  beforeAll(async () => {
    config = testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url });
    worker = await startPaymentsTestWorker(config, {
      processing: {
        attempts: ATTEMPTS,
        backoffDelayMs: 20,
        backoffJitter: 0,
        // BullMQ runs one stalled check per interval per queue, whichever worker holds it: short, so the
        // stand-in worker's check below is not skipped behind one the real worker ran.
        stalledIntervalMs: 200,
      },
      maintenance: { stuckProcessingGraceSeconds: GRACE_SECONDS },
      batches: { chunkSize: CHUNK_SIZE, rowConcurrency: 1, chunkConcurrency: 2 },
      faultInjectingGateway: true,
    });
    batchesQueue = worker.get<Queue>(getQueueToken(PAYMENT_BATCHES_QUEUE), { strict: false });
    tenant = await createWorkerTestTenant(worker, 'bulk-sweep', Tier.Professional);

    const payments = worker.get(PaymentsService);
    const create = payments.create.bind(payments);
    jest.spyOn(payments, 'create').mockImplementation(async (input, key, batch) => {
      if (input.reference.includes('BEFORE-COMMIT')) throw new Error('database unavailable');
      return create(input, key, batch);
    });
  });

  const collection = (name: string) => mongo.db.collection(name);
  const input = (reference: string) => ({
    amount: 1200,
    currency: 'EUR',
    reference,
    method: PaymentMethod.Card,
    paymentToken: 'tok_visa',
  });
  const row = (reference: string): PaymentBatchRow => ({ valid: true, input: input(reference) });
  const references = (...suffixes: string[]) => {
    const prefix = `S${++sequence}`;
    return suffixes.map((suffix, index) => `${prefix}-${index}${suffix}`);
  };
  const submit = async (of: TenantSnapshot, refs: readonly string[]) =>
    (
      await inTenantOf(worker, of, () =>
        worker.get(PaymentBatchesService).create(refs.map(row), `${refs[0] ?? ''}-batch-key`),
      )
    ).body.id;
  /** Submitted while Redis refused the enqueue: the batch is committed, its chunks have no job. */
  const submitWithoutJobs = async (of: TenantSnapshot, refs: readonly string[]) => {
    const add = jest.spyOn(batchesQueue, 'add').mockRejectedValue(new Error('Redis unavailable'));
    try {
      return await submit(of, refs);
    } finally {
      add.mockRestore();
    }
  };
  const storedBatch = (id: string) => collection('payment_batches').findOne({ _id: new ObjectId(id) });
  const statusOf = async (id: string) => (await storedBatch(id))?.['status'] as string | undefined;
  const items = (id: string) =>
    collection('payment_batch_items')
      .find({ batchId: new ObjectId(id) }, { sort: { row: 1 } })
      .toArray();
  const chunkState = (id: string, fromRow: number) =>
    batchesQueue.getJobState(paymentBatchChunkJobId(id, fromRow));
  /** What the schedule finds one grace period later: the batch's last progress is that old. */
  const age = (id: string) =>
    collection('payment_batches').updateOne(
      { _id: new ObjectId(id) },
      { $set: { updatedAt: new Date(Date.now() - (GRACE_SECONDS + 60) * 1000) } },
    );
  const sweep = () => worker.get(StuckPaymentBatchesSweeper).sweep();
  const heldUnits = (of: TenantSnapshot) =>
    worker
      .get<Redis>(REDIS_CLIENT)
      .hget(quotaHeldUnitsKey(of.id, UsagePeriod.containing(new Date()).toString()), QUOTA_HELD_TOTAL_FIELD);
  const recoveredAudits = (id: string) =>
    collection('audit_events').countDocuments({
      action: 'payment_batch.recovered',
      'resource.id': id,
    });

  it('a batch whose settlement failed (database error while settling) is settled by the sweep', async () => {
    const refs = references('-BEFORE-COMMIT', '');
    const processing = worker.get(PaymentBatchProcessingService);
    const settle = jest
      .spyOn(processing, 'settleFailedChunk')
      .mockRejectedValueOnce(new Error('connection to MongoDB lost during settlement'));
    const id = await submit(tenant, refs);
    await eventually('the chunk to be dead-lettered', async () => (await chunkState(id, 0)) === 'failed');
    await eventually('its settlement to have been tried', async () => settle.mock.calls.length === 1);
    settle.mockRestore();
    expect(await statusOf(id)).toBe('PROCESSING');

    // Not yet past the grace: left alone, so a settlement still running is never raced needlessly.
    expect((await sweep()).batchesRecovered).toBe(0);
    await age(id);
    expect(await sweep()).toEqual(
      expect.objectContaining({ batchesRecovered: 1, chunksSettled: 1, rowsFailed: 2 }),
    );

    expect(await statusOf(id)).toBe('COMPLETED_WITH_ERRORS');
    expect((await items(id)).map((item) => [item['status'], item['error']?.code])).toEqual([
      ['failed', 'internal_error'],
      ['failed', 'internal_error'],
    ]);
    expect(await heldUnits(tenant)).toBe('0');
    expect(await recoveredAudits(id)).toBe(1);
    // Idempotent: a finished batch is not looked at again.
    await age(id);
    expect((await sweep()).batchesRecovered).toBe(0);
  });

  const expectSuspendedRows = async (id: string, refs: readonly string[]) => {
    const settled = await items(id);
    expect(settled.map((item) => item['status'])).toEqual(refs.map(() => 'failed'));
    for (const item of settled) {
      expect(item['error']).toEqual(
        expect.objectContaining({ code: 'tenant_suspended', message: expect.stringContaining('suspended') }),
      );
    }
    expect(await collection('payments').countDocuments({ reference: { $in: refs } })).toBe(0);
  };
  const suspendedTenant = async (slug: string) => {
    const created = await createWorkerTestTenant(worker, slug, Tier.Professional);
    await worker
      .get(TenantContextService)
      .runAsPlatform('test setup', () => worker.get(TenantAdminService).suspend(created.id));
    // The snapshot from before the suspension: a batch accepted just before it.
    return created;
  };

  it("a suspended tenant's refused chunks are settled as they are dead-lettered: rows fail with tenant_suspended, quota returns", async () => {
    const suspended = await suspendedTenant('bulk-sweep-suspended');
    const refs = references('', '', '', '');
    const id = await submit(suspended, refs);
    await eventually('the batch to be settled', async () => (await statusOf(id)) === 'COMPLETED_WITH_ERRORS');
    expect(await chunkState(id, 0)).toBe('failed');
    await expectSuspendedRows(id, refs);
    expect(await heldUnits(suspended)).toBe('0');
  });

  it("a suspended tenant's chunks with no job are settled by the sweep, not enqueued again", async () => {
    const suspended = await suspendedTenant('bulk-sweep-suspended-nojob');
    const refs = references('', '', '', '');
    const id = await submitWithoutJobs(suspended, refs);
    expect(await heldUnits(suspended)).toBe('4');
    await age(id);
    expect(await sweep()).toEqual(
      expect.objectContaining({ batchesRecovered: 1, chunksReEnqueued: 0, chunksSettled: 2, rowsFailed: 4 }),
    );
    expect(await statusOf(id)).toBe('COMPLETED_WITH_ERRORS');
    expect(await chunkState(id, 0)).toBe('unknown');
    await expectSuspendedRows(id, refs);
    expect(await heldUnits(suspended)).toBe('0');
  });

  it('a batch whose chunks have no job (enqueue failed, or Redis lost it) is enqueued again and completes', async () => {
    const refs = references('', '', '', '');
    const id = await submitWithoutJobs(tenant, refs);
    expect(await chunkState(id, 0)).toBe('unknown');
    await age(id);
    expect(await sweep()).toEqual(
      expect.objectContaining({ batchesRecovered: 1, chunksReEnqueued: 2, chunksSettled: 0 }),
    );
    await eventually('the batch to complete', async () => (await statusOf(id)) === 'COMPLETED', 20_000);
    expect(await collection('payments').countDocuments({ reference: { $in: refs } })).toBe(4);
    expect(await heldUnits(tenant)).toBe('0');
  });

  it('a batch accepted under another chunk size is swept in the chunks it was accepted with', async () => {
    const refs = references('', '', '', '');
    const id = await submitWithoutJobs(tenant, refs);
    expect((await storedBatch(id))?.['chunkSize']).toBe(CHUNK_SIZE);
    // As if accepted by a deploy whose chunks were one row: its jobs, had they run, had ids at rows 0, 1, 2, 3.
    await collection('payment_batches').updateOne({ _id: new ObjectId(id) }, { $set: { chunkSize: 1 } });
    await age(id);
    expect(await sweep()).toEqual(
      expect.objectContaining({ batchesRecovered: 1, chunksReEnqueued: 4, chunksSettled: 0 }),
    );
    await eventually('the batch to complete', async () => (await statusOf(id)) === 'COMPLETED', 20_000);
    for (const fromRow of [0, 1, 2, 3]) expect(await chunkState(id, fromRow)).toBe('completed');
    expect(await collection('payments').countDocuments({ reference: { $in: refs } })).toBe(4);
  });

  it("a chunk failed by BullMQ's stalled-job limit is settled by the worker that next takes it", async () => {
    // BullMQ 5 does not fail a job past maxStalledCount inside its stalled check: it marks the failure and puts
    // the job back, and the next worker to take it fails it with that reason, 'failed' event included, so the
    // dead-letter settlement runs. Shown here with the real batch worker stopped, a stand-in that takes the
    // chunk and dies (never renews its lock), BullMQ's own stalled check, then the real worker started again.
    const batchWorker = worker.get(BulkPaymentBatchWorker);
    await batchWorker.onApplicationShutdown();
    const refs = references('', '');
    const id = await submitWithoutJobs(tenant, refs);
    await batchesQueue.add(
      PaymentBatchJobName.ProcessChunk,
      { tenantId: tenant.id, payload: { batchId: id, fromRow: 0, toRow: 2 } },
      { jobId: paymentBatchChunkJobId(id, 0), attempts: ATTEMPTS },
    );
    const { connection, prefix } = queueConnection(config.redis, 'stuck-sweep-spec');
    stallingWorker = new Worker(PAYMENT_BATCHES_QUEUE, null, {
      connection,
      prefix,
      autorun: false,
      skipLockRenewal: true,
      lockDuration: 200,
      stalledInterval: 100,
      maxStalledCount: 0,
    });
    const taken = await stallingWorker.getNextJob('dead-worker-token');
    expect(taken?.id).toBe(paymentBatchChunkJobId(id, 0));

    // While its job is live the sweep leaves the chunk to it.
    await age(id);
    expect((await sweep()).batchesRecovered).toBe(0);

    void stallingWorker.startStalledCheckTimer();
    await eventually('BullMQ to mark the stalled chunk failed and put it back', async () => {
      const job = await batchesQueue.getJob(paymentBatchChunkJobId(id, 0));
      return (await job?.getState()) === 'waiting' && job?.deferredFailure !== undefined;
    });
    await stallingWorker.close();
    stallingWorker = undefined;

    batchWorker.onApplicationBootstrap();
    await eventually('the batch to be settled', async () => (await statusOf(id)) === 'COMPLETED_WITH_ERRORS');
    const job = await batchesQueue.getJob(paymentBatchChunkJobId(id, 0));
    expect(job?.failedReason).toBe('job stalled more than allowable limit');
    expect((await items(id)).map((item) => item['error']?.code)).toEqual([
      'internal_error',
      'internal_error',
    ]);
    expect(await collection('payments').countDocuments({ reference: { $in: refs } })).toBe(0);
    expect(await heldUnits(tenant)).toBe('0');
  });
});
