/**
 * Latency of the in-process MongoDB emulator through the official driver, and whether point reads and
 * unique-index inserts stay flat as a collection grows (the `_id` map and unique indexes are hash maps).
 * Run: node -r @swc-node/register bench/mongo-emulator/bench.ts   (prints one JSON object)
 * Each figure is the median over RUNS runs of a fresh emulator; latencies in microseconds.
 * Target: findOne by _id and unique-index inserts at 50k documents within 1.5x of 1k (ratio_50k_1k).
 */
import { MongoEmulator } from '@tenantpay/mongo-emulator';
import { MongoClient, ObjectId, type Collection } from 'mongodb';

import { median, quantile } from '../ratelimit/statistics';

const RUNS = 5;
const SIZES = [1_000, 10_000, 50_000] as const;
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

type RunResult = Record<string, Latency>;

async function run(): Promise<RunResult> {
  const emulator = await MongoEmulator.start();
  const client = await MongoClient.connect(emulator.uri);
  try {
    const result: RunResult = { roundTripInsertFindOne: await roundTrip(client) };
    for (const size of SIZES) result[`findOneById_${size}`] = await findOneById(client, size);
    for (const size of SIZES) result[`uniqueInsert_${size}`] = await insertWithUniqueIndex(client, size);
    return result;
  } finally {
    await client.close();
    await emulator.stop();
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
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
  const ratio = (prefix: string): Latency => {
    const small = medians[`${prefix}_1000`] as Latency;
    const large = medians[`${prefix}_50000`] as Latency;
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
        operationsPerMeasurement: { roundTrips: ROUND_TRIPS, pointReads: POINT_READS, inserts: INSERTS },
        medians,
        ratio_50k_1k: { findOneById: ratio('findOneById'), uniqueInsert: ratio('uniqueInsert') },
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
