/**
 * Cost of the isolation rewriting per operation, against one driver round trip measured in the same run.
 * Run: node -r @swc-node/register bench/data-isolation/rewrite-cost.ts   (prints JSON)
 * Target: the rewriting of a typical operation costs under 2% of a round trip (insert + findOne).
 */
import {
  guardFilter,
  guardUpdate,
  MongoCommandWall,
  rewritePipeline,
  staticCollectionRegistry,
  tenantOwnedSchema,
  WallCollectionRegistry,
} from '@tenantpay/data-isolation';
import { ResolutionMethod, TenantContextService, type TenantSnapshot } from '@tenantpay/tenancy';
import { startMongo } from '@tenantpay/local-services';
import { MongoClient } from 'mongodb';
import { trusted, Types } from 'mongoose';

const BY_TENANT_AND_ID = { key: { tenantId: 1, _id: 1 }, reason: 'a test collection' } as const;

const RUNS = 5;
const REWRITE_ITERATIONS = 20_000;
const ROUND_TRIPS = 400;

const tenantId = new Types.ObjectId();
const registry = staticCollectionRegistry(['payments', 'contacts', 'refunds'], ['currencies']);

// The command wall's judgement of typical commands as sent, timed inside a tenant context. The walled driver
// connection judges each command twice (in command(), and again just before serialization, after command
// monitoring has seen it), so a workload is two MongoCommandWall.admit calls. Tenant-owned collections come
// from tenantOwnedSchema, as in the product.
for (const collection of ['payments', 'contacts', 'refunds'])
  tenantOwnedSchema({}, { collection, shard: BY_TENANT_AND_ID });
const context = new TenantContextService();
const wall = new MongoCommandWall(context, new WallCollectionRegistry({ sharedCollections: ['currencies'] }));
const tenantContext = {
  tenant: { id: tenantId.toHexString() } as TenantSnapshot,
  resolvedBy: ResolutionMethod.JwtClaim,
  principal: null,
  requestId: 'bench',
};
const SERVER = '127.0.0.1:27017';
const judge = (command: Record<string, unknown>): void => {
  wall.admit(command, SERVER);
  wall.admit(command, SERVER);
};
const listingFilter = guardFilter(
  { status: trusted({ $in: ['PENDING', 'PROCESSING'] }), currency: 'EUR' },
  tenantId,
);
const dashboardPipeline = rewritePipeline(
  [
    { $match: { status: 'COMPLETED' } },
    { $lookup: { from: 'contacts', localField: 'customerRef', foreignField: 'customerRef', as: 'contact' } },
    { $group: { _id: '$currency', total: { $sum: '$amountMinor' }, count: { $sum: 1 } } },
  ],
  tenantId,
  registry,
);

const workloads: Record<string, () => unknown> = {
  'filter: equality': () => guardFilter({ reference: 'PAY-2024-0001' }, tenantId),
  'filter: listing (status $in, date range, amount range)': () =>
    guardFilter(
      {
        status: trusted({ $in: ['PENDING', 'PROCESSING'] }),
        createdAt: trusted({ $gte: new Date('2024-01-01'), $lt: new Date('2024-02-01') }),
        amountMinor: trusted({ $gte: 100, $lte: 100_000 }),
        currency: 'EUR',
      },
      tenantId,
    ),
  'filter: $or with $elemMatch': () =>
    guardFilter(
      {
        $or: [
          { reference: 'A' },
          { customerRef: 'C1', items: { $elemMatch: { sku: 'x', qty: trusted({ $gt: 1 }) } } },
        ],
      },
      tenantId,
    ),
  'update: $set + $inc + $push (upsert)': () =>
    guardUpdate(
      {
        $set: { status: 'COMPLETED', completedAt: new Date() },
        $inc: { attempts: 1 },
        $push: { history: { status: 'COMPLETED', at: new Date() } },
      },
      tenantId,
      { upsert: true },
    ),
  'pipeline: 6 stages, two lookups': () =>
    rewritePipeline(
      [
        { $match: { status: 'COMPLETED', createdAt: { $gte: new Date('2024-01-01') } } },
        {
          $lookup: {
            from: 'contacts',
            localField: 'customerRef',
            foreignField: 'customerRef',
            as: 'contact',
          },
        },
        { $unwind: { path: '$contact', preserveNullAndEmptyArrays: true } },
        {
          $lookup: {
            from: 'refunds',
            let: { paymentId: '$_id' },
            pipeline: [{ $match: { $expr: { $eq: ['$paymentId', '$$paymentId'] } } }],
            as: 'refunds',
          },
        },
        {
          $group: {
            _id: {
              currency: '$currency',
              day: { $dateToString: { format: '%Y-%m-%d', date: '$createdAt' } },
            },
            total: { $sum: '$amountMinor' },
            count: { $sum: 1 },
          },
        },
        { $sort: { '_id.day': 1 } },
      ],
      tenantId,
      registry,
    ),
};

Object.assign(workloads, {
  'wall: find (repository listing filter)': () =>
    judge({ find: 'payments', filter: listingFilter, sort: { _id: -1 }, limit: 50 }),
  'wall: update (upsert with $setOnInsert stamp)': () =>
    judge({
      update: 'payments',
      updates: [
        {
          q: guardFilter({ reference: 'PAY-1' }, tenantId),
          u: guardUpdate({ $set: { status: 'COMPLETED' }, $inc: { attempts: 1 } }, tenantId, {
            upsert: true,
          }),
          upsert: true,
        },
      ],
      ordered: true,
    }),
  'wall: insert (one payment)': () =>
    judge({
      insert: 'payments',
      documents: [
        { _id: new Types.ObjectId(), tenantId, reference: 'PAY-2', amountMinor: 100, currency: 'EUR' },
      ],
      ordered: true,
    }),
  'wall: aggregate (rewritten pipeline, one lookup)': () =>
    judge({ aggregate: 'payments', pipeline: dashboardPipeline, cursor: {} }),
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

function timeEach(iterations: number, work: () => unknown): number[] {
  const samples = new Array<number>(iterations);
  for (let i = 0; i < iterations; i += 1) {
    const start = process.hrtime.bigint();
    work();
    samples[i] = Number(process.hrtime.bigint() - start) / 1_000;
  }
  return samples.sort((a, b) => a - b);
}

async function timeRoundTrips(uri: string): Promise<number[]> {
  const client = await MongoClient.connect(uri);
  const collection = client.db('bench_data_isolation').collection('round_trips');
  const samples: number[] = [];
  try {
    for (let i = 0; i < ROUND_TRIPS; i += 1) {
      const _id = new Types.ObjectId();
      const start = process.hrtime.bigint();
      await collection.insertOne({ _id, tenantId, reference: `R${i}`, amountMinor: i });
      await collection.findOne({ _id, tenantId });
      samples.push(Number(process.hrtime.bigint() - start) / 1_000);
    }
    await collection.drop();
  } finally {
    await client.close();
  }
  return samples.sort((a, b) => a - b);
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

async function main(): Promise<void> {
  const mongo = await startMongo({ log: (line) => process.stderr.write(`${line}\n`) });
  try {
    const perRun: {
      workloads: Record<string, { p50: number; p99: number }>;
      roundTrip: { p50: number; p99: number };
    }[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      for (const work of Object.values(workloads)) context.run(tenantContext, () => timeEach(2_000, work)); // warm-up
      const measured: Record<string, { p50: number; p99: number }> = {};
      for (const [name, work] of Object.entries(workloads)) {
        const samples = context.run(tenantContext, () => timeEach(REWRITE_ITERATIONS, work));
        measured[name] = { p50: percentile(samples, 50), p99: percentile(samples, 99) };
      }
      const trips = await timeRoundTrips(mongo.uri);
      perRun.push({
        workloads: measured,
        roundTrip: { p50: percentile(trips, 50), p99: percentile(trips, 99) },
      });
    }
    const roundTripP50 = median(perRun.map((r) => r.roundTrip.p50));
    const rewriting = Object.fromEntries(
      Object.keys(workloads).map((name) => {
        const p50 = median(perRun.map((r) => r.workloads[name]?.p50 ?? Number.NaN));
        const p99 = median(perRun.map((r) => r.workloads[name]?.p99 ?? Number.NaN));
        return [
          name,
          { p50Us: round(p50), p99Us: round(p99), p50FractionOfRoundTrip: round(p50 / roundTripP50, 4) },
        ];
      }),
    );
    const worstFraction = Math.max(...Object.values(rewriting).map((w) => w.p50FractionOfRoundTrip));
    process.stdout.write(
      `${JSON.stringify(
        {
          engine: mongo.kind,
          runs: RUNS,
          note: 'medians over runs of per-run p50/p99',
          roundTripUs: {
            insertPlusFindOne: {
              p50: round(roundTripP50),
              p99: round(median(perRun.map((r) => r.roundTrip.p99))),
            },
          },
          rewriting,
          target: {
            maxFractionOfRoundTrip: 0.02,
            worstP50Fraction: worstFraction,
            met: worstFraction < 0.02,
          },
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await mongo.stop();
  }
}

void main();
