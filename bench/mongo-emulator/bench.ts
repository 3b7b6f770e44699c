/**
 * Latency of the in-process MongoDB emulator through the official driver, and whether queries stay flat as
 * a collection grows:
 * - findOne by _id and unique-index inserts at 1k/10k/50k documents (hash maps);
 * - a tenant's `find({tenantId, status}).sort({createdAt: -1}).limit(20)` on a
 *   `{tenantId: 1, status: 1, createdAt: -1}` index at 1k/10k/100k documents;
 * - the payments list route's query (`GET /v1/payments?limit=20`: the repository's scoped filter, newest
 *   first by `_id`, limit 21) with the product's payment indexes, at 1k/10k/100k; and the route itself over
 *   HTTP through the real API (payments-list-route.bench.ts, run once in a child process);
 * - the worker's queries and updates per payment (load, PENDING→PROCESSING, PROCESSING→COMPLETED with the
 *   owed event, outbox insert, event cleared), with 1k and 50k payments stored. This is the worker's engine
 *   work per payment, not a full BullMQ drain.
 * Run: node -r @swc-node/register bench/mongo-emulator/bench.ts [--quick]   (prints one JSON object)
 * Each figure is the median over RUNS runs of a fresh emulator (1 with --quick); latencies in microseconds.
 * Target: each measure at the largest size within 1.5x of 1k (`ratios`).
 */
import { MongoEmulator } from '@tenantpay/mongo-emulator';
import { MongoClient, ObjectId, type Collection } from 'mongodb';
import { spawn } from 'node:child_process';
import path from 'node:path';

import { median, quantile } from '../ratelimit/statistics';
import {
  createProductIndexes,
  fillPayments,
  scoped,
  storedPayment,
  TENANTS,
  type StoredPayment,
} from './payment-workload';

const QUICK = process.argv.includes('--quick');
const RUNS = QUICK ? 1 : 5;
const SIZES = [1_000, 10_000, 50_000] as const;
const QUERY_SIZES = [1_000, 10_000, 100_000] as const;
const WORKER_SIZES = [1_000, 50_000] as const;
const PAGE_QUERIES = 1_000;
const WORKER_PAYMENTS = 500;
const ROUND_TRIPS = 2_000;
const POINT_READS = 2_000;
const INSERTS = 1_000;
const WARMUP = 200;

interface Payment {
  _id: ObjectId;
  tenantId: string;
  reference: string;
  amountMinor: number;
  status: string;
  createdAt: Date;
}

interface Latency {
  p50: number;
  p99: number;
}

function payment(tenant: number, sequence: number): Payment {
  return {
    _id: new ObjectId(),
    tenantId: `tenant-${tenant}`,
    reference: `PAY-${sequence.toString().padStart(8, '0')}`,
    amountMinor: 1_000 + (sequence % 97) * 13,
    status: sequence % 3 === 0 ? 'PENDING' : 'SETTLED',
    createdAt: new Date(1_700_000_000_000 + sequence * 1000),
  };
}

async function timeEach(count: number, operation: (index: number) => Promise<unknown>): Promise<Latency> {
  const samples = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    const started = process.hrtime.bigint();
    await operation(index);
    samples[index] = Number(process.hrtime.bigint() - started) / 1000;
  }
  samples.sort();
  return { p50: quantile(samples, 0.5), p99: quantile(samples, 0.99) };
}

async function fill(collection: Collection<Payment>, size: number): Promise<Payment[]> {
  const documents = Array.from({ length: size }, (_, sequence) => payment(sequence % 50, sequence));
  for (let start = 0; start < size; start += 1_000) {
    await collection.insertMany(documents.slice(start, start + 1_000), { ordered: false });
  }
  return documents;
}

async function roundTrip(client: MongoClient): Promise<Latency> {
  const payments = client.db('bench').collection<Payment>('round_trip');
  let sequence = 0;
  const insertAndRead = async (): Promise<void> => {
    const document = payment(1, sequence++);
    await payments.insertOne(document);
    await payments.findOne({ _id: document._id });
  };
  for (let index = 0; index < WARMUP; index++) await insertAndRead();
  return timeEach(ROUND_TRIPS, insertAndRead);
}

async function findOneById(client: MongoClient, size: number): Promise<Latency> {
  const payments = client.db('bench').collection<Payment>(`find_${size}`);
  const documents = await fill(payments, size);
  const idAt = (index: number): ObjectId => (documents[(index * 7919) % size] as Payment)._id;
  for (let index = 0; index < WARMUP; index++) await payments.findOne({ _id: idAt(index) });
  return timeEach(POINT_READS, (index) => payments.findOne({ _id: idAt(index + WARMUP) }));
}

async function insertWithUniqueIndex(client: MongoClient, size: number): Promise<Latency> {
  const payments = client.db('bench').collection<Payment>(`unique_${size}`);
  await payments.createIndex({ tenantId: 1, reference: 1 }, { unique: true });
  await fill(payments, size);
  let sequence = size;
  const insert = (): Promise<unknown> => payments.insertOne(payment(sequence % 50, sequence++));
  for (let index = 0; index < WARMUP; index++) await insert();
  return timeEach(INSERTS, insert);
}

async function tenantStatusPage(client: MongoClient, size: number): Promise<Latency> {
  const payments = client.db('bench').collection<StoredPayment>(`status_page_${size}`);
  await payments.createIndex({ tenantId: 1, status: 1, createdAt: -1 });
  await fillPayments(payments, size);
  const page = (index: number): Promise<StoredPayment[]> =>
    payments
      .find({ tenantId: TENANTS[index % TENANTS.length], status: 'COMPLETED' })
      .sort({ createdAt: -1 })
      .limit(20)
      .toArray();
  for (let index = 0; index < WARMUP; index++) await page(index);
  return timeEach(PAGE_QUERIES, page);
}

async function paymentsListQuery(client: MongoClient, size: number): Promise<Latency> {
  const payments = client.db('bench').collection<StoredPayment>(`list_${size}`);
  await createProductIndexes(payments);
  await fillPayments(payments, size);
  const page = (index: number): Promise<StoredPayment[]> =>
    payments
      .find(scoped(TENANTS[index % TENANTS.length] as ObjectId, {}))
      .sort({ _id: -1 })
      .limit(21)
      .toArray();
  for (let index = 0; index < WARMUP; index++) await page(index);
  return timeEach(PAGE_QUERIES, page);
}

/** Payments to process are PENDING ones created after the stored ones, as a backlog would be. */
async function workerOperations(client: MongoClient, size: number): Promise<Latency> {
  const payments = client.db('bench').collection<StoredPayment>(`worker_${size}`);
  const outbox = client.db('bench').collection(`outbox_${size}`);
  await createProductIndexes(payments);
  await outbox.createIndex({ tenantId: 1, eventId: 1 }, { unique: true });
  await fillPayments(payments, size);
  const backlog = Array.from({ length: WARMUP + WORKER_PAYMENTS }, (_, offset) => ({
    ...storedPayment(size + offset),
    status: 'PENDING',
  }));
  await payments.insertMany(backlog);
  const process = async (index: number): Promise<void> => {
    const { _id, tenantId } = backlog[index] as StoredPayment;
    const at = new Date();
    const eventId = `evt-${_id.toHexString()}`;
    await payments.findOne(scoped(tenantId, { _id }));
    await payments.findOneAndUpdate(scoped(tenantId, { _id, status: 'PENDING' }), {
      $set: { status: 'PROCESSING', updatedAt: at },
      $push: { statusHistory: { from: 'PENDING', to: 'PROCESSING', at, by: 'worker', reason: null } },
    });
    await payments.findOneAndUpdate(scoped(tenantId, { _id, status: 'PROCESSING' }), {
      $set: { status: 'COMPLETED', updatedAt: at },
      $push: {
        statusHistory: { from: 'PROCESSING', to: 'COMPLETED', at, by: 'worker', reason: null },
        pendingEvents: { eventId, type: 'payment.completed', occurredAt: at },
      },
    });
    await outbox.insertOne({ tenantId, eventId, paymentId: _id, dispatchedAt: null, deletedAt: null });
    await payments.updateOne(scoped(tenantId, { _id }), { $pull: { pendingEvents: { eventId } } });
  };
  for (let index = 0; index < WARMUP; index++) await process(index);
  return timeEach(WORKER_PAYMENTS, (index) => process(WARMUP + index));
}

type RunResult = Record<string, Latency>;

async function run(): Promise<RunResult> {
  const emulator = await MongoEmulator.start();
  const client = await MongoClient.connect(emulator.uri);
  try {
    const result: RunResult = { roundTripInsertFindOne: await roundTrip(client) };
    for (const size of SIZES) result[`findOneById_${size}`] = await findOneById(client, size);
    for (const size of SIZES) result[`uniqueInsert_${size}`] = await insertWithUniqueIndex(client, size);
    for (const size of QUERY_SIZES) result[`tenantStatusPage_${size}`] = await tenantStatusPage(client, size);
    for (const size of QUERY_SIZES)
      result[`paymentsListQuery_${size}`] = await paymentsListQuery(client, size);
    for (const size of WORKER_SIZES)
      result[`workerPerPayment_${size}`] = await workerOperations(client, size);
    return result;
  } finally {
    await client.close();
    await emulator.stop();
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The HTTP route measure, in its own process. */
function measureListRoute(): Promise<unknown> {
  const script = path.join(__dirname, 'payments-list-route.bench.ts');
  const child = spawn(
    process.execPath,
    ['--expose-gc', '-r', '@swc-node/register', script, ...process.argv.slice(2)],
    {
      cwd: path.join(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve(JSON.parse(stdout) as unknown)
        : reject(new Error(`list route bench exited ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const runs: RunResult[] = [];
  for (let index = 0; index < RUNS; index++) runs.push(await run());
  const medians: Record<string, Latency> = {};
  for (const name of Object.keys(runs[0] ?? {})) {
    medians[name] = {
      p50: round(median(runs.map((result) => (result[name] as Latency).p50))),
      p99: round(median(runs.map((result) => (result[name] as Latency).p99))),
    };
  }
  const paymentsListRoute = await measureListRoute();
  const ratio = (prefix: string, largest: number): Latency => {
    const small = medians[`${prefix}_1000`] as Latency;
    const large = medians[`${prefix}_${largest}`] as Latency;
    return {
      p50: Math.round((large.p50 / small.p50) * 100) / 100,
      p99: Math.round((large.p99 / small.p99) * 100) / 100,
    };
  };
  console.log(
    JSON.stringify(
      {
        runs: RUNS,
        unit: 'microseconds',
        node: process.version,
        operationsPerMeasurement: {
          roundTrips: ROUND_TRIPS,
          pointReads: POINT_READS,
          inserts: INSERTS,
          pageQueries: PAGE_QUERIES,
          workerPayments: WORKER_PAYMENTS,
        },
        medians,
        ratios: {
          findOneById_50k_1k: ratio('findOneById', 50_000),
          uniqueInsert_50k_1k: ratio('uniqueInsert', 50_000),
          tenantStatusPage_100k_1k: ratio('tenantStatusPage', 100_000),
          paymentsListQuery_100k_1k: ratio('paymentsListQuery', 100_000),
          workerPerPayment_50k_1k: ratio('workerPerPayment', 50_000),
        },
        paymentsListRoute,
      },
      null,
      2,
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
