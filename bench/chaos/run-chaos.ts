/**
 * Infrastructure faults against the real processes (issue 22): `npm run chaos [-- <scenario ...>]`. The API and
 * the worker run as child processes from apps/api and apps/worker, MongoDB (the engine, in a process of its own
 * so it can be SIGSTOPped) and redis-server beside them, with the timers lowered as in the fault runs that
 * found the problems: job lock 10 s, stalled check 5 s, stuck-payment grace 30 s (PENDING and PROCESSING), sweeps every 10 s.
 *
 * Scenarios, each with a tenant of its own:
 * - `redis-restart`: Redis restarted empty under load. Recovered once the worker's usage flush writes MongoDB
 *   again (its schedule is back) and every payment is final.
 * - `mongo-hang-10s`, `mongo-hang-40s`: the MongoDB engine SIGSTOPped under load. Requests should fail fast
 *   (503) and readiness answer within 1 s; recovered once requests and readiness succeed after SIGCONT.
 * - `api-kill`: the API SIGKILLed in the middle of a burst of creations, restarted, and every key replayed.
 *   Recovered once every key has its answer (none in progress any more), counted from the restarted API's
 *   first ready answer.
 * - `worker-kill`: the worker SIGKILLed while it processes payments, restarted. Recovered once every payment is
 *   final, counted from the kill.
 * - `redis-hang-5s`: redis-server SIGSTOPped for 5 s during payment creation. Creation should answer within its
 *   Redis budget; recovered once every payment is final.
 *
 * For each: the recovery time, the slowest request, 5xx and 503 counts, requests with no answer, payments not
 * final when the scenario ends (stuck) and payments charged more than once. Prints the table (stdout) and writes
 * every detail as JSON into the log directory; exits 1 when a scenario has stuck payments, double charges, or
 * did not recover. Every wait is bounded: the whole run takes 6–9 minutes.
 */
import 'reflect-metadata';
// Must stay the first import after reflect-metadata: Nest writes to stdout while modules load.
import { writeResultText } from '../tenancy/stdout-to-stderr';

import { MongoEmulatorProcess } from '@tenantpay/local-services';
import { PAYMENT_COLLECTION, PaymentMethod, PaymentStatus } from '@tenantpay/payments';
import { USAGE_RECORD_COLLECTION } from '@tenantpay/usage';
import { ObjectId } from 'mongodb';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { type FaultStack, startFaultStack } from '../support/fault-stack';
import { gatewayLedger } from '../support/gateway-ledger';
import type { BenchTenant } from '../support/seed-bench-tenant';
import { waitFor } from '../support/wait-for';

const BASE_DOMAIN = 'chaos.test';
/** The fault runs' timers (issue 22), so recovery bounded by them shows within the run. */
const LOWERED_TIMERS = {
  PAYMENTS_JOB_LOCK_DURATION_MS: '10000',
  PAYMENTS_JOB_STALLED_INTERVAL_MS: '5000',
  PAYMENTS_STUCK_PENDING_GRACE_SECONDS: '30',
  PAYMENTS_STUCK_PROCESSING_GRACE_SECONDS: '30',
  PAYMENTS_SWEEP_INTERVAL_MS: '10000',
} as const;
/** Longer than any answer a working request takes; a request without an answer by then counts as none. */
const REQUEST_TIMEOUT_MS = 60_000;
/** How long a scenario waits for its payments to be final once its fault is over (grace 30 s + a sweep). */
const SETTLE_LIMIT_MS = 60_000;
const FINAL_STATUSES: readonly string[] = [
  PaymentStatus.Completed,
  PaymentStatus.Failed,
  PaymentStatus.Canceled,
];

const SCENARIO_NAMES = [
  'redis-restart',
  'mongo-hang-10s',
  'mongo-hang-40s',
  'api-kill',
  'worker-kill',
  'redis-hang-5s',
] as const;
type ScenarioName = (typeof SCENARIO_NAMES)[number];

const log = (line: string): void => void process.stderr.write(`[chaos] ${line}\n`);
const seconds = (ms: number): number => Math.round(ms / 100) / 10;

/** One request's outcome: when it was sent (ms since the run's clock), how long it took, its status. */
interface Sample {
  readonly sentAt: number;
  readonly ms: number;
  readonly status: number | 'no answer';
}

/** A row of the table. */
interface Row {
  readonly scenario: ScenarioName;
  /** Null: not recovered within the scenario's bound. */
  readonly recoverySeconds: number | null;
  readonly maxLatencyMs: number;
  readonly serverErrors: number;
  readonly unavailable: number;
  readonly noAnswer: number;
  readonly stuckPayments: number;
  readonly doubleCharges: number;
  readonly notes: string;
  readonly details: Record<string, unknown>;
}

interface Harness extends FaultStack {
  readonly mongo: MongoEmulatorProcess;
}

class Recorder {
  readonly samples: Sample[] = [];

  async send(url: string, init: RequestInit = {}): Promise<Sample> {
    const sentAt = performance.now();
    const status = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).then(
      async (response) => {
        await response.arrayBuffer();
        return response.status;
      },
      () => 'no answer' as const,
    );
    const sample = { sentAt, ms: Math.round(performance.now() - sentAt), status };
    this.samples.push(sample);
    return sample;
  }

  /** Sends `request()` `perSecond` times a second until `stop` is aborted; resolves once all have answered. */
  async paced(perSecond: number, stop: AbortSignal, request: () => Promise<Sample>): Promise<void> {
    const inFlight: Promise<Sample>[] = [];
    while (!stop.aborted) {
      inFlight.push(request());
      await delay(1000 / perSecond);
    }
    await Promise.all(inFlight);
  }

  summary(): Pick<Row, 'maxLatencyMs' | 'serverErrors' | 'unavailable' | 'noAnswer'> {
    return {
      maxLatencyMs: this.samples.reduce((max, s) => Math.max(max, s.ms), 0),
      serverErrors: this.samples.filter((s) => typeof s.status === 'number' && s.status >= 500).length,
      unavailable: this.samples.filter((s) => s.status === 503).length,
      noAnswer: this.samples.filter((s) => s.status === 'no answer').length,
    };
  }

  statuses(): Record<string, number> {
    return countBy(this.samples);
  }
}

function headers(tenant: BenchTenant): Record<string, string> {
  return { host: `${tenant.tenant.slug}.${BASE_DOMAIN}`, authorization: `Bearer ${tenant.token}` };
}

/** A payment creation with its key; the same `id` is the same request (a replay). */
function create(h: Harness, recorder: Recorder, tenant: BenchTenant, id: string): Promise<Sample> {
  return recorder.send(`${h.apiUrl}/v1/payments`, {
    method: 'POST',
    headers: { ...headers(tenant), 'content-type': 'application/json', 'idempotency-key': id },
    body: JSON.stringify({ amount: 2500, currency: 'EUR', reference: id, method: PaymentMethod.Card }),
  });
}

function list(h: Harness, recorder: Recorder, tenant: BenchTenant): Promise<Sample> {
  return recorder.send(`${h.apiUrl}/v1/payments?limit=10`, { headers: headers(tenant) });
}

async function statusOf(url: string, init: RequestInit = {}): Promise<number> {
  return (await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) })).status;
}

async function statusCounts(h: Harness, tenant: BenchTenant): Promise<Record<string, number>> {
  const groups = await h.db
    .collection(PAYMENT_COLLECTION)
    .aggregate<{ _id: string; n: number }>([
      { $match: { tenantId: new ObjectId(tenant.tenant.id) } },
      { $group: { _id: '$status', n: { $sum: 1 } } },
    ])
    .toArray();
  return Object.fromEntries(groups.map((g) => [g._id, g.n]));
}

/**
 * Waits (bounded) until every payment of the tenant is final: how long it took (null: not within the bound),
 * what is left, and charges by the gateway ledger.
 */
async function settle(
  h: Harness,
  tenant: BenchTenant,
  limitMs = SETTLE_LIMIT_MS,
): Promise<{
  /** When the last payment became final (performance.now()); null: not within the bound. */
  settledAt: number | null;
  stuck: number;
  byStatus: Record<string, number>;
  doubleCharges: number;
  completedWithoutCharge: number;
}> {
  let byStatus: Record<string, number> = {};
  const settledAt = await waitFor(
    'every payment final',
    async () => {
      byStatus = await statusCounts(h, tenant);
      const open = Object.entries(byStatus).filter(([status]) => !FINAL_STATUSES.includes(status));
      return open.length === 0 ? performance.now() : undefined;
    },
    limitMs,
    500,
  ).catch(() => null);
  const stored = await h.db
    .collection(PAYMENT_COLLECTION)
    .find({ tenantId: new ObjectId(tenant.tenant.id) }, { projection: { _id: 1, status: 1 } })
    .toArray();
  const ledger = await gatewayLedger(
    h.redis,
    stored.map((payment) => ({ id: payment._id.toHexString(), status: String(payment['status']) })),
  );
  return {
    settledAt,
    stuck: Object.entries(byStatus)
      .filter(([status]) => !FINAL_STATUSES.includes(status))
      .reduce((sum, [, n]) => sum + n, 0),
    byStatus,
    doubleCharges: ledger.filter((entry) => entry.charges > 1).length,
    completedWithoutCharge: ledger.filter(
      (entry) => entry.status === PaymentStatus.Completed && entry.charges === 0,
    ).length,
  };
}

async function redisRestart(h: Harness, tenant: BenchTenant): Promise<Row> {
  const recorder = new Recorder();
  const stop = new AbortController();
  let sequence = 0;
  const load = Promise.all([
    recorder.paced(4, stop.signal, () => create(h, recorder, tenant, `redis-restart-${(sequence += 1)}`)),
    recorder.paced(4, stop.signal, () => list(h, recorder, tenant)),
  ]);
  await delay(3_000);
  await h.redisServer.restart();
  const restartedAt = performance.now();
  const restartedAtWallClock = new Date();
  log('redis-server restarted (empty)');
  await delay(10_000);
  stop.abort();
  await load;
  // The usage flush is a repeatable job: it writes MongoDB again only if its schedule survived the wipe. Usage
  // records name their tenant by its id string (a platform-owned collection), not an ObjectId.
  const flushedAgain = await waitFor(
    'usage flushed to MongoDB after the restart',
    async () => {
      const record = await h.db
        .collection(USAGE_RECORD_COLLECTION)
        .findOne({ tenantId: tenant.tenant.id, updatedAt: { $gt: restartedAtWallClock } });
      return record === null ? undefined : performance.now();
    },
    60_000,
    1_000,
  ).catch(() => null);
  const settled = await settle(h, tenant);
  const recoveredAt =
    flushedAgain === null || settled.settledAt === null ? null : Math.max(flushedAgain, settled.settledAt);
  return {
    scenario: 'redis-restart',
    recoverySeconds: recoveredAt === null ? null : seconds(recoveredAt - restartedAt),
    ...recorder.summary(),
    stuckPayments: settled.stuck,
    doubleCharges: settled.doubleCharges,
    notes:
      `${flushedAgain === null ? 'usage flush never ran again (schedules lost with Redis)' : `usage flushed ${seconds(flushedAgain - restartedAt)} s after the restart`}; ` +
      'the gateway ledger lived in the wiped Redis: charges before the restart are not visible',
    details: {
      statuses: recorder.statuses(),
      byStatus: settled.byStatus,
      flushedAgain: flushedAgain !== null,
    },
  };
}

async function mongoHang(h: Harness, tenant: BenchTenant, hangMs: number): Promise<Row> {
  const scenario: ScenarioName = hangMs >= 40_000 ? 'mongo-hang-40s' : 'mongo-hang-10s';
  const recorder = new Recorder();
  const readiness = new Recorder();
  const stop = new AbortController();
  let sequence = 0;
  const load = Promise.all([
    recorder.paced(3, stop.signal, () => create(h, recorder, tenant, `${scenario}-${(sequence += 1)}`)),
    recorder.paced(5, stop.signal, () => list(h, recorder, tenant)),
    readiness.paced(4, stop.signal, () => readiness.send(`${h.apiUrl}/health/ready`)),
  ]);
  await delay(3_000);
  h.mongo.freeze();
  const frozenAt = performance.now();
  log(`MongoDB engine SIGSTOPped for ${hangMs / 1000} s`);
  await delay(hangMs);
  h.mongo.thaw();
  const thawedAt = performance.now();
  log('MongoDB engine SIGCONT');
  const recovered = await waitFor(
    'requests and readiness succeed again',
    async () => {
      const [ready, listed] = await Promise.all([
        statusOf(`${h.apiUrl}/health/ready`),
        statusOf(`${h.apiUrl}/v1/payments?limit=10`, { headers: headers(tenant) }),
      ]);
      return ready === 200 && listed === 200 ? performance.now() : undefined;
    },
    60_000,
    200,
  ).catch(() => null);
  await delay(3_000);
  stop.abort();
  await load;
  const settled = await settle(h, tenant);
  const during = recorder.samples.filter((s) => s.sentAt >= frozenAt && s.sentAt < thawedAt);
  const firstUnavailable = during.find((s) => s.status === 503);
  const readinessDuring = readiness.samples.filter((s) => s.sentAt >= frozenAt && s.sentAt < thawedAt);
  return {
    scenario,
    recoverySeconds: recovered === null ? null : seconds(recovered - thawedAt),
    ...recorder.summary(),
    stuckPayments: settled.stuck,
    doubleCharges: settled.doubleCharges,
    notes:
      `while hung: slowest request ${during.reduce((m, s) => Math.max(m, s.ms), 0)} ms, ` +
      `first 503 ${firstUnavailable === undefined ? 'never' : `${seconds(firstUnavailable.sentAt + firstUnavailable.ms - frozenAt)} s`} after the stop, ` +
      `readiness slowest ${readinessDuring.reduce((m, s) => Math.max(m, s.ms), 0)} ms`,
    details: {
      slowest: slowest(recorder.samples, frozenAt),
      slowestReadiness: slowest(readiness.samples, frozenAt),
      statuses: recorder.statuses(),
      readinessStatuses: readiness.statuses(),
      byStatus: settled.byStatus,
      paymentsFinalSecondsAfterThaw:
        settled.settledAt === null ? null : seconds(settled.settledAt - thawedAt),
    },
  };
}

async function apiKill(h: Harness, tenant: BenchTenant): Promise<Row> {
  const burst = 60;
  const ids = Array.from({ length: burst }, (_, index) => `api-kill-${index}`);
  const first = new Recorder();
  // The whole burst at once, killed once a third has answered: the rest is in the API's hands (claimed keys,
  // open transactions) or not yet read.
  const burstDone = Promise.all(ids.map((id) => create(h, first, tenant, id)));
  const answered = () => first.samples.filter((s) => s.status !== 'no answer').length;
  await waitFor(
    'a third of the burst answered',
    async () => (answered() >= burst / 3 ? true : undefined),
    30_000,
    5,
  );
  const killedBy = await h.api.kill('SIGKILL');
  const killedAt = performance.now();
  const answeredBeforeKill = answered();
  log(`API killed (${killedBy}) after ${answeredBeforeKill} of ${burst} answers`);
  await burstDone;
  h.api.start();
  await waitFor(
    'API ready again',
    async () => ((await statusOf(`${h.apiUrl}/health/ready`)) === 200 ? true : undefined),
    120_000,
    250,
  );
  const readyAt = performance.now();
  log(`API back after ${seconds(readyAt - killedAt)} s; replaying every key`);

  // Every key is retried until it has its answer; a key still held by the dead process answers 409.
  const replays = new Recorder();
  const pending = new Set(ids);
  const usableAt = await waitFor(
    'every key answered',
    async () => {
      await Promise.all(
        [...pending].map(async (id) => {
          const sample = await create(h, replays, tenant, id);
          if (sample.status === 201) pending.delete(id);
        }),
      );
      return pending.size === 0 ? performance.now() : undefined;
    },
    90_000,
    500,
  ).catch(() => null);
  const settled = await settle(h, tenant);
  const duplicates = await h.db
    .collection(PAYMENT_COLLECTION)
    .aggregate([
      { $match: { tenantId: new ObjectId(tenant.tenant.id) } },
      { $group: { _id: '$reference', n: { $sum: 1 } } },
      { $match: { n: { $gt: 1 } } },
    ])
    .toArray();
  const summary = replays.summary();
  return {
    scenario: 'api-kill',
    recoverySeconds: usableAt === null ? null : seconds(usableAt - readyAt),
    ...summary,
    stuckPayments: settled.stuck,
    doubleCharges: settled.doubleCharges + duplicates.length,
    notes:
      `API restart took ${seconds(readyAt - killedAt)} s (not counted); replays: ` +
      `${replays.samples.filter((s) => s.status === 409).length} × 409, slowest ${summary.maxLatencyMs} ms; ` +
      `${pending.size} keys still unusable`,
    details: {
      answeredBeforeKill,
      burstStatuses: first.statuses(),
      replayStatuses: replays.statuses(),
      byStatus: settled.byStatus,
      paymentsPerReferenceAboveOne: duplicates.length,
    },
  };
}

async function workerKill(h: Harness, tenant: BenchTenant): Promise<Row> {
  const total = 80;
  const recorder = new Recorder();
  const created = Promise.all(
    Array.from({ length: total }, async (_, index) => {
      await delay(index * 20);
      return create(h, recorder, tenant, `worker-kill-${index}`);
    }),
  );
  await waitFor(
    'a tenth processed',
    async () => {
      const byStatus = await statusCounts(h, tenant);
      const done = FINAL_STATUSES.reduce((sum, s) => sum + (byStatus[s] ?? 0), 0);
      return done >= total / 10 ? true : undefined;
    },
    60_000,
    20,
  );
  const killedBy = await h.worker.kill('SIGKILL');
  const killedAt = performance.now();
  const atKill = await statusCounts(h, tenant);
  log(`worker killed (${killedBy}) with ${JSON.stringify(atKill)}`);
  await created;
  await delay(1_000);
  h.worker.start();
  const settled = await settle(h, tenant, 120_000);
  return {
    scenario: 'worker-kill',
    recoverySeconds: settled.settledAt === null ? null : seconds(settled.settledAt - killedAt),
    ...recorder.summary(),
    stuckPayments: settled.stuck,
    doubleCharges: settled.doubleCharges,
    notes: `at the kill: ${JSON.stringify(atKill)}; completed without a charge: ${settled.completedWithoutCharge}`,
    details: { statuses: recorder.statuses(), byStatus: settled.byStatus },
  };
}

async function redisHang(h: Harness, tenant: BenchTenant): Promise<Row> {
  const recorder = new Recorder();
  const stop = new AbortController();
  let sequence = 0;
  const load = recorder.paced(5, stop.signal, () =>
    create(h, recorder, tenant, `redis-hang-${(sequence += 1)}`),
  );
  await delay(3_000);
  h.redisServer.freeze();
  const frozenAt = performance.now();
  log('redis-server SIGSTOPped for 5 s');
  await delay(5_000);
  h.redisServer.thaw();
  const thawedAt = performance.now();
  log('redis-server SIGCONT');
  await delay(3_000);
  stop.abort();
  await load;
  const settled = await settle(h, tenant);
  const during = recorder.samples.filter((s) => s.sentAt >= frozenAt && s.sentAt < thawedAt);
  const latencies = during.map((s) => s.ms).sort((a, b) => a - b);
  return {
    scenario: 'redis-hang-5s',
    recoverySeconds: settled.settledAt === null ? null : seconds(settled.settledAt - thawedAt),
    ...recorder.summary(),
    stuckPayments: settled.stuck,
    doubleCharges: settled.doubleCharges,
    notes:
      `creations while Redis hung: ${during.length}, p50 ${latencies[Math.floor(latencies.length / 2)] ?? 0} ms, ` +
      `max ${latencies.at(-1) ?? 0} ms, statuses ${JSON.stringify(countBy(during))}`,
    details: { statuses: recorder.statuses(), byStatus: settled.byStatus },
  };
}

/** The five slowest requests, sent when (ms after `from`), for telling a stall from a slow answer. */
function slowest(
  samples: readonly Sample[],
  from: number,
): { sentAfterMs: number; ms: number; status: Sample['status'] }[] {
  return [...samples]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((s) => ({ sentAfterMs: Math.round(s.sentAt - from), ms: s.ms, status: s.status }));
}

function countBy(samples: readonly Sample[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { status } of samples) counts[String(status)] = (counts[String(status)] ?? 0) + 1;
  return counts;
}

function table(rows: readonly Row[]): string {
  const header =
    '| scenario | recovery (s) | max latency (ms) | 5xx | 503 | no answer | stuck payments | double charges | notes |';
  const line = '|---|---|---|---|---|---|---|---|---|';
  const body = rows.map(
    (r) =>
      `| ${r.scenario} | ${r.recoverySeconds ?? 'not recovered'} | ${r.maxLatencyMs} | ${r.serverErrors} | ${r.unavailable} | ${r.noAnswer} | ${r.stuckPayments} | ${r.doubleCharges} | ${r.notes} |`,
  );
  return [header, line, ...body].join('\n');
}

async function main(): Promise<number> {
  const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const unknown = requested.filter((name) => !(SCENARIO_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`Unknown scenario ${unknown.join(', ')}; known: ${SCENARIO_NAMES.join(', ')}`);
  const names = (requested.length > 0 ? requested : SCENARIO_NAMES) as readonly ScenarioName[];

  const startedAt = performance.now();
  const mongo = await MongoEmulatorProcess.start();
  const { stack, tenants } = await startFaultStack({
    run: 'chaos',
    mongo,
    baseDomain: BASE_DOMAIN,
    tenantNames: names,
    environment: LOWERED_TIMERS,
  });
  log(`API and worker started after ${seconds(performance.now() - startedAt)} s; logs in ${stack.logDir}`);
  const h: Harness = { ...stack, mongo };
  try {
    const scenarios: Record<ScenarioName, (tenant: BenchTenant) => Promise<Row>> = {
      'redis-restart': (tenant) => redisRestart(h, tenant),
      'mongo-hang-10s': (tenant) => mongoHang(h, tenant, 10_000),
      'mongo-hang-40s': (tenant) => mongoHang(h, tenant, 40_000),
      'api-kill': (tenant) => apiKill(h, tenant),
      'worker-kill': (tenant) => workerKill(h, tenant),
      'redis-hang-5s': (tenant) => redisHang(h, tenant),
    };
    const rows: Row[] = [];
    for (const name of names) {
      const scenarioStart = performance.now();
      log(`scenario ${name}`);
      rows.push(await scenarios[name](tenants[name]));
      log(`scenario ${name} took ${seconds(performance.now() - scenarioStart)} s`);
    }
    const detailsFile = path.join(stack.logDir, 'chaos.json');
    writeFileSync(
      detailsFile,
      JSON.stringify(
        { timers: LOWERED_TIMERS, seconds: seconds(performance.now() - startedAt), rows },
        null,
        2,
      ),
    );
    writeResultText(
      `${table(rows)}\n\ndetails: ${detailsFile}; whole run ${seconds(performance.now() - startedAt)} s`,
    );
    const healthy = rows.every(
      (r) => r.recoverySeconds !== null && r.stuckPayments === 0 && r.doubleCharges === 0,
    );
    return healthy ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

main().then(
  (exitCode) => (process.exitCode = exitCode),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
