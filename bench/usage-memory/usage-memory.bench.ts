/**
 * Usage metering's Redis cost and durability (issue 15): `npm run bench -- usage-memory [--quick]`.
 *
 * - memory: 1 million metered requests (100 000 with --quick) over 1 000 tenants through the real metering
 *   path, as the API's rate-limit guard drives it: RequestUsageMeter.prepare, the rate limiter's composed
 *   EVALSHA on its own connections, settle (and the tracker's buffer and drain). Redis `used_memory` and
 *   DBSIZE every 10% of the run. With `--memory-only` it runs nothing else, so the same file can be run
 *   against an older checkout for a before/after comparison; `--faults-only` skips it.
 * - faults: metered load on 50 tenants with the usage sync every 2 s, and one fault half-way: Redis restarted
 *   empty, or Redis SIGKILLed with AOF (`appendfsync everysec`) and restarted from its AOF. After the load,
 *   the buffer drains and a last sync runs; the counts in MongoDB are compared with the requests admitted.
 *   Also reported: the data-loss detections (metric and audit events).
 *
 * Prints one JSON document. Loopback only, every load bounded in count or time.
 */
import 'reflect-metadata';
// Must stay the first import after reflect-metadata: Nest writes to stdout while modules load.
import { writeResult } from '../tenancy/stdout-to-stderr';

import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { RedisServerProcess } from '@tenantpay/local-services';
import { loadConfig, PlatformCoreModule, REDIS_CLIENT, RedisConnectionPool } from '@tenantpay/platform';
import {
  CountingRateLimiterMetrics,
  defineRateLimitPolicy,
  RateLimitAlgorithm,
  rateLimiterOptions,
  RateLimiterService,
} from '@tenantpay/rate-limiting';
import {
  RequestUsageMeter,
  USAGE_RECORD_COLLECTION,
  USAGE_REDIS_DATA_LOSS_METRIC,
  UsageMetrics,
  UsageModule,
  UsageSyncService,
  UsageTrackerService,
} from '@tenantpay/usage';
import type Redis from 'ioredis';
import { MongoClient, ObjectId } from 'mongodb';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { type Counter, register } from 'prom-client';
import { type MongoProcess, startMongoProcess } from '../support/mongo-process';

const QUICK = process.argv.includes('--quick');
const MEMORY_ONLY = process.argv.includes('--memory-only');
const MEMORY_REQUESTS = QUICK ? 100_000 : 1_000_000;
const MEMORY_TENANTS = 1_000;
const IN_FLIGHT = 64;
const FAULT_TENANTS = 50;
const FAULT_IN_FLIGHT = 32;
/**
 * Requests per second offered during fault runs: an API's real rate is bounded by HTTP, while decisions the
 * fallback limiter takes in process during the outage would otherwise come as fast as the loop can spin and
 * overflow the outage buffer, which measures the buffer's capacity rather than what Redis lost.
 */
const FAULT_RATE = 3_000;
const FAULT_LOAD_MS = QUICK ? 10_000 : 16_000;
const SYNC_INTERVAL_MS = 2_000;
const REQUEST_BYTES = 200;

const POLICY = defineRateLimitPolicy({
  name: 'bench',
  limit: 100_000_000,
  windowSeconds: 60,
  algorithm: RateLimitAlgorithm.SlidingWindowCounter,
});

const log = (line: string): void => void process.stderr.write(`[usage-memory] ${line}\n`);

interface Metering {
  readonly app: INestApplicationContext;
  readonly redis: Redis;
  readonly meter: RequestUsageMeter;
  readonly limiter: RateLimiterService;
  readonly pool: RedisConnectionPool;
  close(): Promise<void>;
}

/** One API process's worth of metering: the usage module and a rate limiter on two connections of its own. */
async function startMetering(redisUrl: string, mongoUri: string): Promise<Metering> {
  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    MONGODB_URI: mongoUri,
    REDIS_URL: redisUrl,
    JWT_SIGNING_KEYS: `k1:${randomBytes(32).toString('hex')}`,
    PAYMENTS_GATEWAY: 'simulated',
  });
  const moduleRef = await Test.createTestingModule({
    imports: [PlatformCoreModule.forRoot(config), UsageModule.forRoot({})],
  }).compile();
  moduleRef.useLogger(false);
  const app = await moduleRef.init();
  const redis = app.get<Redis>(REDIS_CLIENT);
  const pool = RedisConnectionPool.create({ kind: 'standalone', url: redisUrl }, 'bench-limiter', 2);
  await pool.connect();
  const limiter = new RateLimiterService(
    pool,
    rateLimiterOptions({ rateLimit: { failMode: 'open' } }),
    new CountingRateLimiterMetrics(),
  );
  return {
    app,
    redis,
    meter: app.get(RequestUsageMeter),
    limiter,
    pool,
    close: async () => {
      await pool.close();
      await app.close();
    },
  };
}

/** One metered request as the API's guard meters it; answers whether it was admitted (and so billed). */
async function meteredRequest(metering: Metering, tenantId: string): Promise<boolean> {
  const prepared = metering.meter.prepare({}, tenantId, REQUEST_BYTES);
  const decision = await metering.limiter.consume({
    subject: tenantId,
    bucket: 'api',
    policy: POLICY,
    usage: prepared.increment,
  });
  prepared.settle(decision);
  return decision.allowed;
}

async function redisMemory(redis: Redis): Promise<{ usedMemoryBytes: number; keys: number }> {
  const info = await redis.info('memory');
  const used = /used_memory:(\d+)/.exec(info)?.[1];
  return { usedMemoryBytes: Number(used), keys: await redis.dbsize() };
}

async function memoryRun(mongo: MongoProcess): Promise<unknown> {
  const server = await RedisServerProcess.start();
  const metering = await startMetering(server.url, mongo.uri);
  try {
    const tenants = Array.from({ length: MEMORY_TENANTS }, () => new ObjectId().toHexString());
    const checkpoints: { requests: number; usedMemoryBytes: number; keys: number }[] = [
      { requests: 0, ...(await redisMemory(metering.redis)) },
    ];
    const step = MEMORY_REQUESTS / 10;
    let issued = 0;
    let done = 0;
    let nextCheckpoint = step;
    const started = performance.now();
    const loop = async (): Promise<void> => {
      while (issued < MEMORY_REQUESTS) {
        const index = issued;
        issued += 1;
        await meteredRequest(metering, tenants[index % MEMORY_TENANTS] as string);
        done += 1;
        if (done >= nextCheckpoint) {
          nextCheckpoint += step;
          const requests = done;
          checkpoints.push({ requests, ...(await redisMemory(metering.redis)) });
          log(`${requests} requests: ${JSON.stringify(checkpoints.at(-1))}`);
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, loop));
    const seconds = (performance.now() - started) / 1000;
    await metering.app.get(UsageTrackerService).drain();
    const counted = await countedInRedis(metering.redis, tenants);
    const commandStats = await metering.redis.info('commandstats');
    // Redis's own time per metering script call (the decision and the usage in one EVALSHA).
    const evalsha = /cmdstat_evalsha:calls=(\d+),usec=(\d+),usec_per_call=([\d.]+)/.exec(commandStats);
    const first = checkpoints[1] ?? checkpoints[0];
    const last = checkpoints.at(-1);
    return {
      requests: MEMORY_REQUESTS,
      tenants: MEMORY_TENANTS,
      requestsPerSecond: Math.round(MEMORY_REQUESTS / seconds),
      apiCallsCounted: counted,
      redisMicrosecondsPerEvalsha: evalsha === null ? null : Number(evalsha[3]),
      checkpoints,
      bytesPerRequestAfterFirstTenth:
        first !== undefined && last !== undefined
          ? round((last.usedMemoryBytes - first.usedMemoryBytes) / (last.requests - first.requests))
          : null,
      keysPerTenant: last !== undefined ? round(last.keys / MEMORY_TENANTS) : null,
    };
  } finally {
    await metering.close();
    await server.stop();
  }
}

async function countedInRedis(redis: Redis, tenants: readonly string[]): Promise<number> {
  const period = new Date().toISOString().slice(0, 7);
  const pipeline = redis.pipeline();
  for (const tenantId of tenants) pipeline.hget(`usage:{${tenantId}}:${period}`, 'api_calls');
  const replies = (await pipeline.exec()) ?? [];
  return replies.reduce((sum, [, value]) => sum + Number(value ?? 0), 0);
}

type Fault = 'restarted-empty' | 'killed-with-aof';

async function faultRun(mongo: MongoProcess, fault: Fault): Promise<unknown> {
  const dataDir = fault === 'killed-with-aof' ? await mkdtemp(path.join(tmpdir(), 'usage-aof-')) : undefined;
  const server = await RedisServerProcess.start(dataDir === undefined ? {} : { dataDir });
  // A database of its own: a fresh Redis beside MongoDB that already holds usage is (rightly) a detected loss.
  const mongoUri = withDatabase(mongo.uri, `usage-bench-${fault}`);
  const metering = await startMetering(server.url, mongoUri);
  const sync = metering.app.get(UsageSyncService);
  const tracker = metering.app.get(UsageTrackerService);
  const usageMetrics = metering.app.get(UsageMetrics);
  const droppedBefore = usageMetrics.droppedCount;
  const mongoClient = new MongoClient(mongoUri);
  const lossesBefore = await dataLossDetections();
  try {
    const tenants = Array.from({ length: FAULT_TENANTS }, () => new ObjectId().toHexString());
    let admitted = 0;
    let stop = false;
    let syncsFailed = 0;
    let lastSyncAtMs = 0;
    /** Admitted when the last completed sync started: everything after may not be in MongoDB yet. */
    let admittedAtLastSync = 0;
    const syncDurationsMs: number[] = [];
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    const syncLoop = (async () => {
      while (!stop) {
        await delay(SYNC_INTERVAL_MS);
        const syncStarted = elapsed();
        const admittedAtStart = admitted;
        await sync.syncAll().then(
          () => {
            lastSyncAtMs = syncStarted;
            admittedAtLastSync = admittedAtStart;
            syncDurationsMs.push(Math.round(elapsed() - syncStarted));
          },
          () => (syncsFailed += 1),
        );
      }
    })();
    let next = 0;
    const loop = async (): Promise<void> => {
      while (elapsed() < FAULT_LOAD_MS) {
        next += 1;
        const due = (next * 1000) / FAULT_RATE - elapsed();
        if (due > 0) await delay(due);
        if (await meteredRequest(metering, tenants[next % FAULT_TENANTS] as string)) admitted += 1;
      }
    };
    const faultAt = (async () => {
      // Half-way, once at least one sync has completed (the first one under load takes seconds).
      while (elapsed() < FAULT_LOAD_MS / 2 || syncDurationsMs.length === 0) await delay(20);
      const admittedAtFault = admitted;
      const unsyncedAtFault = admittedAtFault - admittedAtLastSync;
      const sinceLastSyncMs = Math.round(elapsed() - lastSyncAtMs);
      const faultStarted = performance.now();
      if (fault === 'restarted-empty') await server.restart();
      else {
        await server.kill();
        await server.restart();
      }
      return {
        admittedAtFault,
        unsyncedAtFault,
        msSinceLastSyncStartAtFault: sinceLastSyncMs,
        redisBackAfterMs: Math.round(performance.now() - faultStarted),
      };
    })();
    await Promise.all(Array.from({ length: FAULT_IN_FLIGHT }, loop));
    const atFault = await faultAt;
    stop = true;
    await syncLoop;
    const deadline = performance.now() + 30_000;
    while (tracker.bufferedCount > 0 && performance.now() < deadline) {
      await tracker.drain();
      await delay(100);
    }
    const inRedis = await countedInRedis(metering.redis, tenants);
    await sync.syncAll();
    await sync.syncAll();
    const persisted = await persistedApiCalls(mongoClient, tenants);
    return {
      fault,
      loadSeconds: FAULT_LOAD_MS / 1000,
      offeredRequestsPerSecond: FAULT_RATE,
      syncIntervalMs: SYNC_INTERVAL_MS,
      admitted,
      persistedApiCalls: persisted,
      lost: admitted - persisted,
      lostFraction: round((admitted - persisted) / admitted, 4),
      // The bound SPEC §8 promises: at most what was admitted after the last completed sync started.
      lostWithinBound: admitted - persisted >= 0 && admitted - persisted <= atFault.unsyncedAtFault,
      apiCallsInRedisAtEnd: inRedis,
      droppedFromBuffer: usageMetrics.droppedCount - droppedBefore,
      syncDurationsMs,
      stillBuffered: tracker.bufferedCount,
      syncsFailedDuringFault: syncsFailed,
      ...atFault,
      detections: diffDetections(lossesBefore, await dataLossDetections()),
      auditEvents: await mongoClient
        .db()
        .collection('audit_events')
        .countDocuments({
          action: 'usage.redis_data_lost',
          $or: [{ tenantId: null }, { tenantId: { $in: tenants.map((id) => new ObjectId(id)) } }],
        }),
    };
  } finally {
    await mongoClient.close();
    await metering.close();
    await server.stop();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  }
}

function withDatabase(uri: string, database: string): string {
  const url = new URL(uri);
  url.pathname = `/${database}`;
  return url.toString();
}

async function persistedApiCalls(client: MongoClient, tenants: readonly string[]): Promise<number> {
  const records = await client
    .db()
    .collection(USAGE_RECORD_COLLECTION)
    .find({ tenantId: { $in: [...tenants] } })
    .toArray();
  return records.reduce((sum, record) => sum + Number(record['api_calls'] ?? 0), 0);
}

async function dataLossDetections(): Promise<Record<string, number>> {
  const metric = register.getSingleMetric(USAGE_REDIS_DATA_LOSS_METRIC) as Counter | undefined;
  const values = metric === undefined ? [] : (await metric.get()).values;
  return Object.fromEntries(values.map((value) => [String(value.labels['detected_by']), value.value]));
}

function diffDetections(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after).map(([label, value]) => [label, value - (before[label] ?? 0)]),
  );
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

async function main(): Promise<void> {
  const mongo = await startMongoProcess();
  try {
    const memory = process.argv.includes('--faults-only')
      ? 'skipped (--faults-only)'
      : await memoryRun(mongo);
    if (MEMORY_ONLY) {
      writeResult({ memory });
      return;
    }
    const faults = [];
    for (const fault of ['restarted-empty', 'killed-with-aof'] as const) {
      log(`fault run: ${fault}`);
      faults.push(await faultRun(mongo, fault));
    }
    writeResult({ memory, faults });
  } finally {
    await mongo.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
