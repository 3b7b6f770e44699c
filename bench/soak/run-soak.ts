/**
 * Faults under load (issue 8): `npm run soak [-- <scenario ...>] [--quick]`. The API and the worker run as
 * real child processes from apps/api and apps/worker (as `npm start` runs them), next to a redis-server child
 * process and MongoDB (the in-process emulator, so that it can go away and come back on the same port with
 * its data, as a restarted mongod would). Scenarios, each with a tenant of its own:
 * - `redis`: redis-server stopped for 5 s and restarted (empty) under create + list load: no 5xx, the usage
 *   buffered meanwhile replayed, nothing counted twice, nothing lost beyond what Redis held unsynced.
 * - `worker`: the worker SIGKILLed while it processes a batch of payments created through the API, then
 *   restarted: every payment reaches a final state and the simulated gateway charged each exactly once.
 * - `mongo`: MongoDB gone for 5 s under light load: readiness answers 503, then 200 again without
 *   restarting the API, which then serves requests.
 * Prints one JSON document with every scenario's checks; exits non-zero when a check failed. Loopback only,
 * every load bounded in time or count.
 */
import 'reflect-metadata';
// Must stay the first import after reflect-metadata: Nest writes to stdout while modules load.
import { writeResult } from '../tenancy/stdout-to-stderr';

import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule, AuditService } from '@tenantpay/audit';
import { DataIsolationModule } from '@tenantpay/data-isolation';
import { IdentityModule } from '@tenantpay/identity';
import { findFreePort, RedisServerProcess } from '@tenantpay/local-services';
import { MongoEmulator } from '@tenantpay/mongo-emulator';
import { PAYMENT_COLLECTION, PaymentMethod, PaymentStatus, simulatedGatewayKeys } from '@tenantpay/payments';
import { loadConfig, PlatformCoreModule } from '@tenantpay/platform';
import { TenancyModule, Tier } from '@tenantpay/tenancy';
import { USAGE_RECORD_COLLECTION, usageHashKey, UsagePeriod } from '@tenantpay/usage';
import { Redis } from 'ioredis';
import { MongoClient, ObjectId } from 'mongodb';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { closeSync, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { type LoadRequest, type LoadResult, runLoad } from '../load/load-generator';
import { type BenchTenant, seedBenchTenant } from '../support/seed-bench-tenant';

const BASE_DOMAIN = 'soak.test';
const WORKSPACE = path.join(__dirname, '..', '..');
const HIGH_LIMITS = { apiRequestsPerMinute: 10_000_000, transactionsPerMonth: 10_000_000 };
const OUTAGE_MS = 5_000;
const FINAL_STATUSES: readonly string[] = [PaymentStatus.Completed, PaymentStatus.Failed];

interface Settings {
  readonly redisLoadMs: number;
  readonly redisOutageAtMs: number;
  readonly batchSize: number;
  /** The worker's stalled-job check hands a dead worker's jobs on after its 30 s lock expires. */
  readonly recoveryTimeoutMs: number;
}

const FULL: Settings = {
  redisLoadMs: 20_000,
  redisOutageAtMs: 6_000,
  batchSize: 200,
  recoveryTimeoutMs: 120_000,
};
const QUICK: Settings = {
  redisLoadMs: 12_000,
  redisOutageAtMs: 3_000,
  batchSize: 60,
  recoveryTimeoutMs: 120_000,
};

interface Check {
  readonly pass: boolean;
  readonly [detail: string]: unknown;
}
type Checks = Record<string, Check>;

const log = (line: string): void => void process.stderr.write(`[soak] ${line}\n`);

/** The API or the worker, as its own `main.ts` starts it, its output in a log file. */
class AppProcess {
  private child: ChildProcess | undefined;

  constructor(
    private readonly name: 'api' | 'worker',
    private readonly environment: NodeJS.ProcessEnv,
    readonly logFile: string,
  ) {}

  start(): void {
    const output = openSync(this.logFile, 'a');
    this.child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join(WORKSPACE, 'apps', this.name, 'src', 'main.ts')],
      { cwd: WORKSPACE, env: this.environment, stdio: ['ignore', output, output] },
    );
    closeSync(output);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async kill(signal: NodeJS.Signals): Promise<NodeJS.Signals | null> {
    const child = this.child;
    if (child === undefined || !this.running) return null;
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    child.kill(signal);
    const [, exitSignal] = await exited;
    return exitSignal;
  }
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 100,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await delay(intervalMs);
  }
}

async function status(url: string, headers: Record<string, string> = {}): Promise<number> {
  return (await fetch(url, { headers, signal: AbortSignal.timeout(10_000) })).status;
}

async function prometheusValue(apiUrl: string, metric: string): Promise<number> {
  const body = await (await fetch(`${apiUrl}/metrics`)).text();
  const line = body.split('\n').find((l) => l.startsWith(`${metric} `));
  return Number(line?.split(' ')[1] ?? 0);
}

function count(result: LoadResult, accept: (status: number) => boolean): number {
  return Object.entries(result.statuses)
    .filter(([code]) => accept(Number(code)))
    .reduce((sum, [, n]) => sum + n, 0);
}

interface Harness {
  readonly apiUrl: string;
  readonly port: number;
  readonly api: AppProcess;
  readonly worker: AppProcess;
  readonly redisServer: RedisServerProcess;
  readonly mongo: MongoEmulator;
  readonly redis: Redis;
  readonly db: ReturnType<MongoClient['db']>;
  readonly settings: Settings;
}

function tenantHeaders(tenant: BenchTenant): Record<string, string> {
  return { host: `${tenant.tenant.slug}.${BASE_DOMAIN}`, authorization: `Bearer ${tenant.token}` };
}

function createLoad(
  h: Harness,
  tenant: BenchTenant,
  prefix: string,
): Omit<LoadRequest, 'connections' | 'durationMs'> {
  return {
    port: h.port,
    method: 'POST',
    path: '/v1/payments',
    headers: {
      ...tenantHeaders(tenant),
      'content-type': 'application/json',
      'idempotency-key': `${prefix}-[<id>]`,
    },
    body: JSON.stringify({
      amount: 2500,
      currency: 'EUR',
      reference: `${prefix}-[<id>]`,
      method: PaymentMethod.Card,
    }),
    warmupMs: 0,
  };
}

/** `perSecond` for about `seconds` (longer when the server cannot keep up), then stops by count. */
function paced(
  perSecond: number,
  seconds: number,
): Pick<LoadRequest, 'overallRate' | 'amount' | 'durationMs'> {
  return { overallRate: perSecond, amount: perSecond * seconds, durationMs: 10 * seconds * 1000 };
}

function listLoad(h: Harness, tenant: BenchTenant): Omit<LoadRequest, 'connections' | 'durationMs'> {
  return { port: h.port, path: '/v1/payments?limit=10', headers: tenantHeaders(tenant), warmupMs: 0 };
}

async function redisScenario(h: Harness, tenant: BenchTenant): Promise<Checks> {
  const tenantId = tenant.tenant.id;
  const period = UsagePeriod.containing(new Date()).toString();
  const replayedBefore = await prometheusValue(h.apiUrl, 'tenantpay_usage_events_replayed_total');
  const droppedBefore = await prometheusValue(h.apiUrl, 'tenantpay_usage_events_dropped_total');
  const connections = 4;
  // Counted, not timed, loads: every request gets its answer, so each one can be matched with the usage it made.
  const seconds = h.settings.redisLoadMs / 1000;
  const loads = Promise.all([
    runLoad({ ...createLoad(h, tenant, 'redis'), connections, ...paced(5, seconds) }),
    runLoad({ ...listLoad(h, tenant), connections, ...paced(10, seconds) }),
  ]);
  await delay(h.settings.redisOutageAtMs);

  // What Redis holds that the worker has not copied to MongoDB yet is lost with it (SPEC §8: at most one sync
  // interval): read just before the stop, and what MongoDB has once no sync can run any more.
  const inRedis = await h.redis.hmget(usageHashKey(tenantId, period), 'api_calls', 'transactions');
  await h.redisServer.stop();
  log('redis-server stopped');
  await delay(OUTAGE_MS);
  const persisted = await h.db.collection(USAGE_RECORD_COLLECTION).findOne({ tenantId, period });
  await h.redisServer.restart();
  log('redis-server restarted (empty)');
  const [creates, lists] = await loads;

  const buffered = await waitFor(
    'usage buffer drained',
    async () => {
      const value = await prometheusValue(h.apiUrl, 'tenantpay_usage_events_buffered');
      return value === 0 ? value : undefined;
    },
    20_000,
    250,
  );
  const replayed =
    (await prometheusValue(h.apiUrl, 'tenantpay_usage_events_replayed_total')) - replayedBefore;
  const usageResponse = await fetch(`${h.apiUrl}/v1/usage?period=${period}`, {
    headers: tenantHeaders(tenant),
  });
  const usage = ((await usageResponse.json()) as { usage?: { api_calls: number; transactions: number } })
    .usage;
  const created = count(creates, (s) => s === 201);
  // Every admitted request counts one api call, the usage read above included.
  const admitted = count(creates, (s) => s < 400) + count(lists, (s) => s < 400) + 1;
  const stored = await h.db
    .collection(PAYMENT_COLLECTION)
    .countDocuments({ tenantId: new ObjectId(tenantId) });
  const unsynced = (index: 0 | 1, field: 'api_calls' | 'transactions') =>
    Math.max(0, Number(inRedis[index] ?? 0) - Number(persisted?.[field] ?? 0));
  // Requests in flight between the read above and the stop may have been counted after it.
  const inFlight = 2 * connections;
  const storedBeyondAnswers = stored - created;
  const apiCalls = usage?.api_calls ?? Number.NaN;
  const transactions = usage?.transactions ?? Number.NaN;
  const serverErrors = count(creates, (s) => s >= 500) + count(lists, (s) => s >= 500);
  return {
    noServerErrors: {
      pass: serverErrors === 0 && creates.errors + lists.errors === 0,
      serverErrors,
      socketErrors: creates.errors + lists.errors,
      createStatuses: creates.statuses,
      listStatuses: lists.statuses,
    },
    usageBufferedAndReplayed: { pass: replayed > 0 && buffered === 0, replayed, stillBuffered: buffered },
    nothingDroppedFromTheBuffer: {
      pass: (await prometheusValue(h.apiUrl, 'tenantpay_usage_events_dropped_total')) === droppedBefore,
    },
    everyCreatedPaymentStoredOnce: { pass: storedBeyondAnswers === 0, created, stored },
    apiCallsNotCountedTwice: { pass: apiCalls <= admitted, counted: apiCalls, admitted },
    apiCallsLostAtMostWhatRedisHeldUnsynced: {
      pass: admitted - apiCalls <= unsynced(0, 'api_calls') + inFlight,
      lost: admitted - apiCalls,
      unsyncedAtStop: unsynced(0, 'api_calls'),
      inRedisAtStop: Number(inRedis[0] ?? 0),
      persistedAtStop: Number(persisted?.['api_calls'] ?? 0),
      inFlightAllowance: inFlight,
    },
    transactionsNotCountedTwice: { pass: transactions <= created, counted: transactions, created },
    transactionsLostAtMostWhatRedisHeldUnsynced: {
      pass: created - transactions <= unsynced(1, 'transactions') + inFlight,
      lost: created - transactions,
      unsyncedAtStop: unsynced(1, 'transactions'),
    },
  };
}

async function workerScenario(h: Harness, tenant: BenchTenant): Promise<Checks> {
  const payments = h.db.collection(PAYMENT_COLLECTION);
  const filter = { tenantId: new ObjectId(tenant.tenant.id) };
  const total = h.settings.batchSize;
  const creating = runLoad({
    ...createLoad(h, tenant, 'batch'),
    connections: 8,
    durationMs: 120_000,
    amount: total,
  });

  // Killed once a tenth of the batch is done: the rest is queued or in the worker's hands.
  const killAfter = Math.ceil(total / 10);
  const finalAtKill = await waitFor(
    'a tenth of the batch processed',
    async () => {
      const done = await payments.countDocuments({ ...filter, status: { $in: FINAL_STATUSES } });
      return done >= killAfter ? done : undefined;
    },
    60_000,
    20,
  );
  const killedBy = await h.worker.kill('SIGKILL');
  const byStatusAtKill = await statusCounts(payments, filter);
  log(`worker killed (${killedBy}) with ${JSON.stringify(byStatusAtKill)}`);
  const creates = await creating;
  await delay(1_000);
  const restartedAt = performance.now();
  h.worker.start();

  let byStatus: Record<string, number> = {};
  const finished = await waitFor(
    'every payment in a final state',
    async () => {
      byStatus = await statusCounts(payments, filter);
      const done = FINAL_STATUSES.reduce((sum, s) => sum + (byStatus[s] ?? 0), 0);
      return done === total ? true : undefined;
    },
    h.settings.recoveryTimeoutMs,
    250,
  ).catch(() => false);
  const recoverySeconds = (performance.now() - restartedAt) / 1000;

  const stored = await payments.find(filter, { projection: { _id: 1, status: 1 } }).toArray();
  const pipeline = h.redis.pipeline();
  for (const payment of stored) {
    pipeline.exists(simulatedGatewayKeys.charge(payment._id.toHexString()));
    pipeline.get(simulatedGatewayKeys.chargeCount(payment._id.toHexString()));
  }
  const replies = ((await pipeline.exec()) ?? []).map(([, value]) => Number(value ?? 0));
  // A completed payment: its charge recorded once and money moved exactly once; anything else: never.
  const ledger = stored.map((payment, index) => ({
    id: payment._id.toHexString(),
    status: String(payment['status']),
    recorded: replies[2 * index] === 1,
    charges: replies[2 * index + 1] ?? 0,
  }));
  const wrong = ledger.filter(({ status, recorded, charges }) =>
    status === PaymentStatus.Completed ? !recorded || charges !== 1 : charges !== 0,
  );
  return {
    batchCreatedThroughTheApi: {
      pass: count(creates, (s) => s === 201) === total && stored.length === total,
      created: count(creates, (s) => s === 201),
      stored: stored.length,
      statuses: creates.statuses,
    },
    killedMidBatch: {
      pass: killedBy === 'SIGKILL' && finalAtKill < total,
      signal: killedBy,
      finalAtKill,
      byStatusAtKill,
    },
    everyPaymentFinal: {
      pass: finished,
      byStatus,
      secondsAfterRestart: Math.round(recoverySeconds * 10) / 10,
    },
    gatewayChargedEachExactlyOnce: {
      pass: wrong.length === 0,
      charged: ledger.filter(({ charges }) => charges === 1).length,
      wrong: wrong.slice(0, 10),
    },
  };
}

async function statusCounts(
  payments: ReturnType<Harness['db']['collection']>,
  filter: Record<string, unknown>,
): Promise<Record<string, number>> {
  const groups = await payments
    .aggregate<{ _id: string; n: number }>([
      { $match: filter },
      { $group: { _id: '$status', n: { $sum: 1 } } },
    ])
    .toArray();
  return Object.fromEntries(groups.map((g) => [g._id, g.n]));
}

async function mongoScenario(h: Harness, tenant: BenchTenant): Promise<Checks> {
  const ready = `${h.apiUrl}/health/ready`;
  const apiPid = h.api.pid;
  const readyBefore = await status(ready);
  const background = runLoad({
    ...listLoad(h, tenant),
    connections: 2,
    durationMs: OUTAGE_MS + 10_000,
    overallRate: 5,
  });

  await h.mongo.suspend();
  const droppedAt = performance.now();
  log('MongoDB stopped');
  // Every probe's answer and how long it took: an orchestrator gives up on a probe after a few seconds.
  const probes: { status: number | 'no answer'; ms: number }[] = [];
  const notReady = await waitFor(
    'readiness 503',
    async () => {
      const sentAt = performance.now();
      const answer = await status(ready).catch(() => 'no answer' as const);
      probes.push({ status: answer, ms: Math.round(performance.now() - sentAt) });
      return answer === 503 ? performance.now() - droppedAt : undefined;
    },
    OUTAGE_MS + 10_000,
    200,
  ).catch(() => undefined);
  await delay(Math.max(0, OUTAGE_MS - (performance.now() - droppedAt)));
  await h.mongo.resume();
  const resumedAt = performance.now();
  log('MongoDB back on the same port');
  const readyAgain = await waitFor(
    'readiness 200',
    async () => ((await status(ready)) === 200 ? performance.now() - resumedAt : undefined),
    60_000,
    200,
  ).catch(() => undefined);
  const listAfter = await status(`${h.apiUrl}/v1/payments?limit=10`, tenantHeaders(tenant));
  const duringOutage = await background;
  return {
    readyBefore: { pass: readyBefore === 200, status: readyBefore },
    readinessFailsWhileDown: {
      pass: notReady !== undefined,
      secondsAfterDrop: notReady === undefined ? null : Math.round(notReady / 100) / 10,
      probes,
    },
    readyAgainWithoutRestart: {
      pass: readyAgain !== undefined && h.api.running && h.api.pid === apiPid,
      secondsAfterReturn: readyAgain === undefined ? null : Math.round(readyAgain / 100) / 10,
      apiProcessRunning: h.api.running,
    },
    servesAfterRecovery: { pass: listAfter === 200, status: listAfter },
    workerSurvived: { pass: h.worker.running },
    answersDuringOutage: {
      // Requests meanwhile may fail (503/500), but every one gets an HTTP answer.
      pass: duringOutage.errors === 0,
      statuses: duringOutage.statuses,
      socketErrors: duringOutage.errors,
    },
  };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const settings = args.includes('--quick') ? QUICK : FULL;
  const scenarios = { redis: redisScenario, worker: workerScenario, mongo: mongoScenario } as const;
  const requested = args.filter((arg) => !arg.startsWith('--'));
  const unknown = requested.filter((name) => !(name in scenarios));
  if (unknown.length > 0)
    throw new Error(`Unknown scenario ${unknown.join(', ')}; known: ${Object.keys(scenarios).join(', ')}`);
  const names = (requested.length > 0 ? requested : Object.keys(scenarios)) as (keyof typeof scenarios)[];

  const startedAt = performance.now();
  const logDir = mkdtempSync(path.join(tmpdir(), 'tenantpay-soak-'));
  const mongo = await MongoEmulator.start();
  const redisServer = await RedisServerProcess.start();
  const port = await findFreePort();
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    MONGODB_URI: mongo.uri,
    REDIS_URL: redisServer.url,
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
    WORKER_METRICS_PORT: String(await findFreePort()),
    BASE_DOMAIN,
    JWT_SIGNING_KEYS: `soak:${randomBytes(32).toString('base64url')}`,
    WEBHOOK_SECRET_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PAYMENTS_GATEWAY: 'simulated',
    LOG_LEVEL: 'warn',
  };
  const api = new AppProcess('api', environment, path.join(logDir, 'api.log'));
  const worker = new AppProcess('worker', environment, path.join(logDir, 'worker.log'));
  const redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
  // The redis scenario stops the server under this client on purpose; it reconnects by itself.
  redis.on('error', () => undefined);
  const client = new MongoClient(mongo.uri);
  try {
    const config = loadConfig(environment);
    // The modules tools/local-run seeds demo data with: tenants, users and tokens, no HTTP.
    @Module({
      imports: [
        PlatformCoreModule.forRoot(config),
        DataIsolationModule.forRoot({}, { imports: [AuditModule], useExisting: AuditService }),
        TenancyModule.forRoot({ imports: [AuditModule], auditSink: AuditService }),
        IdentityModule,
      ],
    })
    class SoakSeedModule {}
    const seeding = await NestFactory.createApplicationContext(SoakSeedModule, {
      logger: false,
      abortOnError: false,
    });
    const tenants: Record<string, BenchTenant> = {};
    try {
      for (const name of names)
        tenants[name] = await seedBenchTenant(seeding, { tier: Tier.Enterprise, limits: HIGH_LIMITS });
    } finally {
      await seeding.close();
    }

    api.start();
    worker.start();
    const apiUrl = `http://127.0.0.1:${port}`;
    await waitFor(
      'API ready',
      async () => ((await status(`${apiUrl}/health/ready`)) === 200 ? true : undefined),
      120_000,
      250,
    );
    log(
      `API and worker started after ${((performance.now() - startedAt) / 1000).toFixed(1)} s; logs in ${logDir}`,
    );

    const harness: Harness = {
      apiUrl,
      port,
      api,
      worker,
      redisServer,
      mongo,
      redis,
      db: client.db(),
      settings,
    };
    const results: Record<string, Checks | { failed: string }> = {};
    for (const name of names) {
      const scenarioStart = performance.now();
      log(`scenario ${name}`);
      const tenant = tenants[name];
      if (tenant === undefined) throw new Error(`no tenant for ${name}`);
      results[name] = await scenarios[name](harness, tenant).catch((error: unknown) => ({
        failed: error instanceof Error ? error.message : String(error),
      }));
      log(`scenario ${name} took ${((performance.now() - scenarioStart) / 1000).toFixed(1)} s`);
    }
    const passed = Object.values(results).every(
      (checks) => !('failed' in checks) && Object.values(checks).every((check) => (check as Check).pass),
    );
    writeResult({
      settings: { ...settings, quick: settings === QUICK, outageMs: OUTAGE_MS },
      logs: logDir,
      seconds: Math.round((performance.now() - startedAt) / 1000),
      scenarios: results,
      passed,
    });
    return passed ? 0 : 1;
  } finally {
    await worker.kill('SIGTERM');
    await api.kill('SIGTERM');
    redis.disconnect();
    await client.close();
    await redisServer.stop();
    await mongo.stop();
  }
}

main().then(
  (exitCode) => (process.exitCode = exitCode),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
