/**
 * Fair share per tenant on the payments queue (issue 20, item 3):
 *   node -r @swc-node/register bench/fairness/fairness.bench.ts [--quick]
 * Tenant A (ENTERPRISE) has a backlog of payment jobs; tenant B (STARTER) submits one payment at a time, waits
 * for it to start, and submits the next. Jobs are enqueued by the product's own path (TenantJobEnqueuer, the
 * payments queue's name and a real redis-server) and taken by BullMQ workers with the product's default
 * concurrency; each job's work is a fixed sleep standing in for the gateway call, so the figures are the
 * scheduling's, not MongoDB's. B's queue wait is BullMQ's own `processedOn - timestamp`.
 *
 * Prints one JSON document:
 * - `fifo`: the baseline without the fair share (plain `enqueue`): B's one payment waits for the whole backlog;
 * - `fair.payments` / `fair.batch`: B's wait p50/p99/max with 1 and 2 workers while A's backlog drains, and the
 *   most of A's jobs that started between one of B's submissions and its start. `batch` builds A's backlog as
 *   the bulk worker does: chunk jobs of 500 rows on their own queue, each enqueueing its rows' payment jobs;
 * - `enqueueCost`: microseconds per enqueue with and without the fair-share priority (one extra script call),
 *   interleaved rounds, medians.
 */
import 'reflect-metadata';
// Must stay the first import after reflect-metadata: Nest writes to stdout while modules load.
import { writeResult } from '../tenancy/stdout-to-stderr';

import { PAYMENT_BATCHES_QUEUE, PAYMENTS_QUEUE } from '@tenantpay/payments';
import { RedisServerProcess } from '@tenantpay/local-services';
import {
  ResolutionMethod,
  TenantContextService,
  TenantJobEnqueuer,
  type TenantJobData,
  type TenantSnapshot,
  Tier,
  toTenantSnapshot,
} from '@tenantpay/tenancy';
import { type Job, Queue, Worker } from 'bullmq';
import { Types } from 'mongoose';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const QUICK = process.argv.includes('--quick');
const BACKLOG = QUICK ? 2_000 : 10_000;
/** B's submissions per run; the run also ends when A's backlog has drained. */
const QUIET_SAMPLES = QUICK ? 50 : 200;
/** PAYMENTS_WORKER_CONCURRENCY's default. */
const WORKER_CONCURRENCY = 10;
/** Each job's work: a gateway call of this many milliseconds. */
const JOB_MS = 20;
const BATCH_CHUNK_ROWS = 500;
const COST_ROUNDS = QUICK ? 3 : 7;
const COST_ENQUEUES = QUICK ? 300 : 1_000;

type Enqueue = 'fair' | 'fifo';
type Backlog = 'payments' | 'batch';

interface QuietWaits {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly mostBusyJobsStartedAhead: number;
  readonly busyJobsLeftAtEnd: number;
}

const context = new TenantContextService();
const enqueuer = new TenantJobEnqueuer(context);

function tenant(slug: string, tier: Tier): TenantSnapshot {
  const now = new Date();
  return toTenantSnapshot({
    _id: new Types.ObjectId(),
    slug,
    name: slug,
    tier,
    isActive: true,
    domains: [],
    settings: { branding: {}, paymentWorkflow: {} },
    createdAt: now,
    updatedAt: now,
  });
}

const inTenant = <T>(snapshot: TenantSnapshot, work: () => Promise<T>): Promise<T> =>
  context.run(
    { tenant: snapshot, resolvedBy: ResolutionMethod.ApiKey, principal: null, requestId: '' },
    work,
  );

function enqueuePayment(mode: Enqueue, queue: Queue, paymentId: string): Promise<Job> {
  return mode === 'fair'
    ? enqueuer.enqueueInFairShare(queue, 'process-payment', { paymentId })
    : enqueuer.enqueue(queue, 'process-payment', { paymentId });
}

async function runScenario(
  redisUrl: string,
  mode: Enqueue,
  backlog: Backlog,
  workers: number,
): Promise<QuietWaits> {
  const connection = { url: redisUrl };
  const payments = new Queue(PAYMENTS_QUEUE, { connection });
  const batches = new Queue(PAYMENT_BATCHES_QUEUE, { connection });
  await payments.obliterate({ force: true });
  await batches.obliterate({ force: true });
  const busy = tenant('busy-bank', Tier.Enterprise);
  const quiet = tenant('quiet-bank', Tier.Starter);
  let busyStarted = 0;
  const quietStarts = new Map<string, { waitMs: number; busyStartedBefore: number }>();
  const paymentWorkers = Array.from(
    { length: workers },
    () =>
      new Worker<TenantJobData<{ paymentId: string }>>(
        PAYMENTS_QUEUE,
        async (job) => {
          if (job.data.tenantId === quiet.id) {
            quietStarts.set(job.data.payload.paymentId, {
              waitMs: (job.processedOn ?? Date.now()) - job.timestamp,
              busyStartedBefore: busyStarted,
            });
          } else {
            busyStarted++;
          }
          await sleep(JOB_MS);
        },
        { connection, concurrency: WORKER_CONCURRENCY, autorun: false },
      ),
  );
  // The bulk worker: one chunk at a time, each enqueueing its rows' payments in the batch's tenant.
  const chunkWorker = new Worker<TenantJobData<{ fromRow: number; toRow: number }>>(
    PAYMENT_BATCHES_QUEUE,
    (job) =>
      inTenant(busy, async () => {
        for (let row = job.data.payload.fromRow; row < job.data.payload.toRow; row++) {
          await enqueuePayment(mode, payments, `busy-${row}`);
        }
      }),
    { connection, concurrency: 1 },
  );
  try {
    await inTenant(busy, async () => {
      if (backlog === 'payments') {
        for (let row = 0; row < BACKLOG; row++) await enqueuePayment(mode, payments, `busy-${row}`);
        return;
      }
      for (let fromRow = 0; fromRow < BACKLOG; fromRow += BATCH_CHUNK_ROWS) {
        const payload = { fromRow, toRow: Math.min(fromRow + BATCH_CHUNK_ROWS, BACKLOG) };
        await (mode === 'fair'
          ? enqueuer.enqueueInFairShare(batches, 'process-batch-chunk', payload)
          : enqueuer.enqueue(batches, 'process-batch-chunk', payload));
      }
    });
    if (backlog === 'batch') {
      // B's first payment arrives once the first chunk's payments are queued in front of it.
      while ((await payments.count()) < BATCH_CHUNK_ROWS) await sleep(5);
    }
    for (const worker of paymentWorkers) void worker.run();
    const samples = mode === 'fifo' ? 1 : QUIET_SAMPLES;
    const waits: number[] = [];
    let mostAhead = 0;
    for (let sample = 0; sample < samples && busyStarted < BACKLOG; sample++) {
      const paymentId = `quiet-${sample}`;
      const startedBefore = busyStarted;
      await inTenant(quiet, () => enqueuePayment(mode, payments, paymentId));
      let started: { waitMs: number; busyStartedBefore: number } | undefined;
      while ((started = quietStarts.get(paymentId)) === undefined) await sleep(1);
      waits.push(started.waitMs);
      mostAhead = Math.max(mostAhead, started.busyStartedBefore - startedBefore);
    }
    waits.sort((a, b) => a - b);
    return {
      samples: waits.length,
      p50Ms: percentile(waits, 0.5),
      p99Ms: percentile(waits, 0.99),
      maxMs: waits.at(-1) ?? 0,
      mostBusyJobsStartedAhead: mostAhead,
      busyJobsLeftAtEnd: BACKLOG - busyStarted,
    };
  } finally {
    await chunkWorker.close(true);
    await Promise.all(paymentWorkers.map((worker) => worker.close(true)));
    await payments.obliterate({ force: true });
    await batches.obliterate({ force: true });
    await payments.close();
    await batches.close();
  }
}

/** Microseconds per enqueue, sequential as one API request's enqueue is, with and without the fair share. */
async function enqueueCost(redisUrl: string): Promise<Record<Enqueue, number>> {
  const queue = new Queue(PAYMENTS_QUEUE, { connection: { url: redisUrl } });
  const rounds: Record<Enqueue, number[]> = { fair: [], fifo: [] };
  const busy = tenant('busy-bank', Tier.Enterprise);
  try {
    for (let round = 0; round < COST_ROUNDS; round++) {
      for (const mode of round % 2 === 0 ? (['fair', 'fifo'] as const) : (['fifo', 'fair'] as const)) {
        await queue.obliterate({ force: true });
        const started = performance.now();
        await inTenant(busy, async () => {
          for (let job = 0; job < COST_ENQUEUES; job++) await enqueuePayment(mode, queue, `cost-${job}`);
        });
        rounds[mode].push(((performance.now() - started) * 1000) / COST_ENQUEUES);
      }
    }
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
  }
  return { fair: median(rounds.fair), fifo: median(rounds.fifo) };
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
const median = (values: readonly number[]): number =>
  Math.round(
    percentile(
      [...values].sort((a, b) => a - b),
      0.5,
    ),
  );

async function main(): Promise<void> {
  const redis = await RedisServerProcess.start();
  try {
    const loadAverageBefore = loadavg()[0];
    const cost = await enqueueCost(redis.url);
    const fifo = await runScenario(redis.url, 'fifo', 'payments', 1);
    const fair: Record<Backlog, Record<string, QuietWaits>> = { payments: {}, batch: {} };
    for (const backlog of ['payments', 'batch'] as const) {
      for (const workers of [1, 2]) {
        fair[backlog][`${workers} worker${workers > 1 ? 's' : ''}`] = await runScenario(
          redis.url,
          'fair',
          backlog,
          workers,
        );
      }
    }
    writeResult({
      backlog: BACKLOG,
      workerConcurrency: WORKER_CONCURRENCY,
      jobMs: JOB_MS,
      loadAverage: { before: round(loadAverageBefore ?? 0), after: round(loadavg()[0] ?? 0) },
      fifo: { payments: { '1 worker': fifo } },
      fair,
      enqueueCost: {
        microsecondsPerEnqueue: cost,
        extraMicroseconds: cost.fair - cost.fifo,
        rounds: COST_ROUNDS,
        enqueuesPerRound: COST_ENQUEUES,
      },
    });
  } finally {
    await redis.stop();
  }
}

const round = (value: number) => Math.round(value * 100) / 100;

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
