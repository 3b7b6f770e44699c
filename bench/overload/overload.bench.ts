/**
 * Admission control under overload (issue 15), against the real API (ApiModule, the production HTTP stack,
 * admission control at its defaults) with MongoDB in a child process of its own and a redis-server child:
 *   node -r @swc-node/register bench/overload/overload.bench.ts [--quick]
 * Each run measures, for payment creations (`POST /v1/payments`, the heaviest common route):
 * 1. capacity: the most creations per second the instance admits with the load generator's connections
 *    always busy (as many as the adaptive limit's floor, and as one tenant's share);
 * 2. a quiet tenant alone, at a tenth of that capacity;
 * 3. the same quiet tenant while another tenant floods at twice that capacity.
 * Targets (medians over the runs): the flood's admitted requests keep p99 under 1 s; every request of the
 * flood is answered, either admitted or refused with a fast 503 (p99 under 100 ms); the quiet tenant's p99
 * with the flood stays within 1.5× of its p99 alone plus 20 ms (a shared CPU cannot give it exactly its idle
 * latency) and none of its requests is refused.
 * Where a refusal's time goes is split by the API itself (server-side-timings.ts): from the generator's write
 * to the API's first sight of the request, and from there to the refusal handed to the kernel.
 *
 * `--pin-api` gives the API (this process) CPU 0 and puts the MongoDB engine, redis-server and the load
 * generators on the others, as the http bench does: a production instance has its own cores, with its
 * database, its Redis and its clients elsewhere. Not the default: on a machine shared with other work, CPU 0 is
 * not the API's alone and pinning only takes the second core from it (refusals were slower pinned in every
 * loaded A/B, see README, Admission control), and it has not been measured on a quiet machine yet.
 */
import 'reflect-metadata';
// Must stay the first import after reflect-metadata: Nest writes to stdout while modules load.
import { writeResult } from '../tenancy/stdout-to-stderr';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RedisServerProcess } from '@tenantpay/local-services';
import { PaymentMethod } from '@tenantpay/payments';
import {
  type AppConfig,
  HTTP_ADMISSION_LIMIT_METRIC,
  HTTP_REQUEST_DURATION_METRIC,
  HTTP_REQUESTS_SHED_METRIC,
  loadConfig,
  PROCESS_METRICS_REGISTRY,
} from '@tenantpay/platform';
import { Tier } from '@tenantpay/tenancy';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { createApiApplication } from '../../apps/api/src/create-api-application';
import { type LoadRequest, type LoadResult, prepareLoadGenerators, runLoad } from '../load/load-generator';
import { median } from '../ratelimit/statistics';
import { pinProcess } from '../support/cpu-affinity';
import { startMongoProcess } from '../support/mongo-process';
import { type BenchTenant, seedBenchTenant } from '../support/seed-bench-tenant';
import { SENT_AT_HEADER, type ServerSideTimings, watchServerSideTimings } from './server-side-timings';

const OVERLOAD_FACTOR = 2;
/** Far above what the load reaches: the rate limiter and the quota must not be what refuses. */
const HIGH_LIMIT = 100_000_000;
const ADMITTED_P99_TARGET_US = 1_000_000;
const REFUSED_P99_TARGET_US = 100_000;
const QUIET_P99_FACTOR = 1.5;
const QUIET_P99_SLACK_US = 20_000;
/** The quiet tenant sends a tenth of what the instance serves (at least one a second): quiet for this instance. */
const QUIET_SHARE_OF_CAPACITY = 0.1;
/** Connections enough that the flood's rate is never held back by waiting for answers. */
const FLOOD_CONNECTIONS = 128;
/**
 * autocannon sends every connection's requests of a second at the same instant (a burst of up to
 * FLOOD_CONNECTIONS requests a second). After the judged flood, the same flood runs again with its connections
 * in this many groups spread over each second, as independent clients would send, to tell whether the bursts
 * are what makes refusals slow (see README, Admission control).
 */
const FLOOD_STAGGER_GROUPS = 16;

interface Settings {
  readonly runs: number;
  readonly capacityMs: number;
  readonly phaseMs: number;
}
const FULL: Settings = { runs: 3, capacityMs: 5_000, phaseMs: 10_000 };
const QUICK: Settings = { runs: 1, capacityMs: 3_000, phaseMs: 5_000 };

/** Where the processes run: the API's CPU and the CPUs of everything else, or null for "not pinned". */
interface CorePlacement {
  readonly api: string | null;
  readonly others: string | null;
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);
const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
const ms = (us: number): number => round(us / 1000);

function creations(
  port: number,
  tenant: BenchTenant,
): Pick<LoadRequest, 'port' | 'method' | 'path' | 'headers' | 'body'> {
  return {
    port,
    method: 'POST',
    path: '/v1/payments',
    headers: {
      authorization: `Bearer ${tenant.token}`,
      'content-type': 'application/json',
      'idempotency-key': 'overload-[<id>]',
    },
    body: JSON.stringify({
      amount: 1999,
      currency: 'EUR',
      reference: 'overload-[<id>]',
      method: PaymentMethod.Card,
    }),
  };
}

const quietRate = (capacityPerSecond: number): number =>
  Math.max(1, Math.round(QUIET_SHARE_OF_CAPACITY * capacityPerSecond));

const count = (result: LoadResult, accept: (status: number) => boolean): number =>
  Object.entries(result.statuses)
    .filter(([status]) => accept(Number(status)))
    .reduce((sum, [, n]) => sum + n, 0);

interface Run {
  readonly capacityPerSecond: number;
  readonly quietAlone: LoadResult;
  readonly quietWithFlood: LoadResult;
  readonly flood: LoadResult;
  /** Share of the creations admitted during the flood phase that the server answered within 1 s. */
  readonly serverWithinOneSecondShare: number;
  /** Admission control's adaptive limit at the end of the flood. */
  readonly admissionLimitAfterFlood: number;
  readonly serverStallsDuringFlood: ServerStalls;
  /** The flood's requests timed by the API from their send time (see ServerSideTimings). */
  readonly floodServerSide: ServerSideTimings;
  /** The flood again with its requests spread over each second (FLOOD_STAGGER_GROUPS). */
  readonly spreadFlood: LoadResult;
  readonly spreadFloodServerSide: ServerSideTimings;
}

/**
 * How long the API's event loop (this process's) could not run callbacks during the flood, and how much of it
 * was garbage collection: a refusal waits for the loop, so this is the server's part of a slow 503; the rest
 * of the client's figure is the load generator waiting for a CPU.
 */
interface ServerStalls {
  readonly eventLoopDelayP99Ms: number;
  readonly eventLoopDelayMaxMs: number;
  readonly gcPauseTotalMs: number;
  readonly gcPauseMaxMs: number;
}

/** Starts watching the event loop and the collector; the returned function stops and reports. */
function watchServerStalls(): () => ServerStalls {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const pauses: number[] = [];
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push(entry.duration);
  });
  delay.enable();
  gc.observe({ entryTypes: ['gc'] });
  return () => {
    delay.disable();
    gc.disconnect();
    return {
      eventLoopDelayP99Ms: round(delay.percentile(99) / 1e6),
      eventLoopDelayMaxMs: round(delay.max / 1e6),
      gcPauseTotalMs: round(pauses.reduce((sum, pause) => sum + pause, 0)),
      gcPauseMaxMs: round(Math.max(0, ...pauses)),
    };
  };
}

async function measureRun(
  server: Server,
  port: number,
  flooder: BenchTenant,
  quiet: BenchTenant,
  settings: Settings,
  config: AppConfig,
  cores: CorePlacement,
): Promise<Run> {
  const onOtherCores = cores.others === null ? {} : { cpus: cores.others };
  // The best of two loads: the adaptive limit's floor, which admission never refuses for one tenant, and one
  // tenant's whole share. Past the adaptive limit the extra connections get instant 503s and send again at
  // once, and that storm of refusals takes CPU from the instance it measures.
  let capacityPerSecond = 0;
  for (const connections of new Set([config.admission.minInFlight, config.admission.maxInFlightPerTenant])) {
    const capacity = await runLoad({
      ...creations(port, flooder),
      ...onOtherCores,
      connections,
      warmupMs: 1_000,
      durationMs: settings.capacityMs,
    });
    if (count(capacity, (status) => status !== 201 && status !== 503) > 0 || capacity.errors > 0)
      throw new Error(`capacity run had failures: ${JSON.stringify(capacity)}`);
    // What was admitted, not what was refused.
    const admittedPerSecond =
      (capacity.requestsPerSecond * count(capacity, (status) => status === 201)) /
      Math.max(1, capacity.requests);
    capacityPerSecond = Math.max(capacityPerSecond, admittedPerSecond);
  }

  const quietLoad: LoadRequest = {
    ...creations(port, quiet),
    ...onOtherCores,
    connections: 2,
    warmupMs: 0,
    durationMs: settings.phaseMs,
    overallRate: quietRate(capacityPerSecond),
  };
  const quietAlone = await runLoad(quietLoad);

  // The flood and the quiet tenant run side by side in two generators, both started before the flood: one
  // starting up while the other floods would take a core from it and time its answers late.
  await prepareLoadGenerators(port, 2, cores.others ?? undefined);
  // Started first and stopped last, so the flood covers the whole measured window.
  const leadMs = 1_500;
  const stopTiming = watchServerSideTimings(server);
  const flooding = runLoad({
    ...creations(port, flooder),
    ...onOtherCores,
    sentAtHeader: SENT_AT_HEADER,
    firstOnConnectionApart: true,
    connections: FLOOD_CONNECTIONS,
    warmupMs: 0,
    durationMs: settings.phaseMs + 2 * leadMs,
    // At least one a second: autocannon refuses a rate under 1 (a machine so loaded that capacity rounds to 0).
    overallRate: Math.max(1, Math.round(OVERLOAD_FACTOR * capacityPerSecond)),
  });
  const before = await createdWithinOneSecond();
  const stopWatching = watchServerStalls();
  await delay(leadMs);
  const quietWithFlood = await runLoad(quietLoad);
  const flood = await flooding;
  const serverStallsDuringFlood = stopWatching();
  const floodServerSide = stopTiming();

  // The same flood spread over each second instead of in bursts, without the quiet tenant.
  const stopTimingSpread = watchServerSideTimings(server);
  const spreadFlood = await runLoad({
    ...creations(port, flooder),
    ...onOtherCores,
    sentAtHeader: SENT_AT_HEADER,
    firstOnConnectionApart: true,
    staggerGroups: FLOOD_STAGGER_GROUPS,
    connections: FLOOD_CONNECTIONS,
    warmupMs: 0,
    durationMs: settings.phaseMs,
    overallRate: Math.max(1, Math.round(OVERLOAD_FACTOR * capacityPerSecond)),
  });
  const spreadFloodServerSide = stopTimingSpread();
  const after = await createdWithinOneSecond();
  const serverWithinOneSecondShare =
    (after.withinOneSecond - before.withinOneSecond) / Math.max(1, after.all - before.all);
  const admissionLimitAfterFlood = await admissionLimit();
  log(
    `server-side within 1 s ${(serverWithinOneSecondShare * 100).toFixed(1)}%; ` +
      `capacity ${capacityPerSecond.toFixed(0)}/s; flood ${JSON.stringify(flood.statuses)} errors ${flood.errors}, ` +
      `admitted p99 ${ms(flood.latencyP99Us)} ms, refused p50 ${ms(flood.refusedLatencyP50Us)} ms, ` +
      `p99 ${ms(flood.refusedLatencyP99Us)} ms (max ${ms(flood.refusedLatencyMaxUs)} ms) on open connections, ` +
      `first on each connection ${JSON.stringify(firstOnConnectionMs(flood))}; flood generator's ` +
      `own loop delay p99 ${round(flood.generatorEventLoopDelayP99Ms)} ms ` +
      `(max ${round(flood.generatorEventLoopDelayMaxMs)} ms); quiet p99 alone ${ms(quietAlone.latencyP99Us)} ms, ` +
      `with flood ${ms(quietWithFlood.latencyP99Us)} ms ${JSON.stringify(quietWithFlood.statuses)}; ` +
      `admission limit ${admissionLimitAfterFlood}; server stalls ${JSON.stringify(serverStallsDuringFlood)}; ` +
      `flood timed by the server ${JSON.stringify(floodServerSide)}; ` +
      `spread flood: refused p50 ${ms(spreadFlood.refusedLatencyP50Us)} ms, p99 ` +
      `${ms(spreadFlood.refusedLatencyP99Us)} ms, timed by the server ${JSON.stringify(spreadFloodServerSide)}; ` +
      `load average ${loadavg()[0]?.toFixed(2)}`,
  );
  return {
    capacityPerSecond,
    quietAlone,
    quietWithFlood,
    flood,
    serverWithinOneSecondShare,
    admissionLimitAfterFlood,
    serverStallsDuringFlood,
    floodServerSide,
    spreadFlood,
    spreadFloodServerSide,
  };
}

/**
 * Created payments the API itself timed, in all and within 1 s (its request histogram's `le="1"` bucket): the
 * server's view, free of the load generator's own scheduling delays on a machine shared with other work.
 */
async function createdWithinOneSecond(): Promise<{ all: number; withinOneSecond: number }> {
  const metric = await PROCESS_METRICS_REGISTRY.getSingleMetric(HTTP_REQUEST_DURATION_METRIC)?.get();
  // A histogram's samples carry their series name (`_bucket`, `_count`), which prom-client's type leaves out.
  const samples = (metric?.values ?? []) as {
    value: number;
    labels: Record<string, string | number>;
    metricName?: string;
  }[];
  const created = samples.filter(
    (sample) =>
      sample.labels['method'] === 'POST' &&
      sample.labels['route'] === '/v1/payments' &&
      sample.labels['status'] === '201',
  );
  const value = (name: string, le?: number) =>
    created.find((sample) => sample.metricName === name && (le === undefined || sample.labels['le'] === le))
      ?.value ?? 0;
  return {
    all: value(`${HTTP_REQUEST_DURATION_METRIC}_count`),
    withinOneSecond: value(`${HTTP_REQUEST_DURATION_METRIC}_bucket`, 1),
  };
}

/** Admission control's adaptive limit now, from its gauge. */
async function admissionLimit(): Promise<number> {
  const metric = await PROCESS_METRICS_REGISTRY.getSingleMetric(HTTP_ADMISSION_LIMIT_METRIC)?.get();
  return metric?.values[0]?.value ?? Number.NaN;
}

/** The shed counter's samples by reason, from this process's registry (the API runs in it). */
async function shedByReason(): Promise<Record<string, number>> {
  const metric = await PROCESS_METRICS_REGISTRY.getSingleMetric(HTTP_REQUESTS_SHED_METRIC)?.get();
  return Object.fromEntries(
    (metric?.values ?? []).map((sample) => [String(sample.labels['reason']), sample.value]),
  );
}

/**
 * autocannon opens all of a load's connections in the same instant and sends each one's first request at
 * once, so the flood's first requests wait for the handshake and for the API to accept some 70–130 new
 * connections while it works (measured: the slowest refusals of a quiet run were these). A client of a
 * production API keeps its connections open (keep-alive, as the load balancer's pool does), so the judged
 * figures are those of requests on open connections, and the first ones are reported apart, never dropped.
 */
function firstOnConnectionMs(result: LoadResult) {
  const first = result.firstOnConnection;
  if (first === undefined) return null;
  return {
    count: first.count,
    refused: first.refused,
    p50Ms: ms(first.p50Us),
    p99Ms: ms(first.p99Us),
    maxMs: ms(first.maxUs),
  };
}

function report(runs: readonly Run[], config: AppConfig, shed: Record<string, number>) {
  const med = (pick: (run: Run) => number) => median(runs.map(pick));
  const admittedP99 = med((run) => run.flood.latencyP99Us);
  const refusedP99 = med((run) => run.flood.refusedLatencyP99Us);
  const quietAloneP99 = med((run) => run.quietAlone.latencyP99Us);
  const quietFloodP99 = med((run) => run.quietWithFlood.latencyP99Us);
  const unanswered = runs.reduce((sum, run) => sum + run.flood.errors + run.quietWithFlood.errors, 0);
  const floodNeither201Nor503 = runs.reduce(
    (sum, run) => sum + count(run.flood, (s) => s !== 201 && s !== 503),
    0,
  );
  const quietRefused = runs.reduce((sum, run) => sum + count(run.quietWithFlood, (s) => s !== 201), 0);
  const floodOffered = runs.map((run) => run.flood.requests);
  const floodRefusedShare = runs.map(
    (run) => count(run.flood, (s) => s === 503) / Math.max(1, run.flood.requests),
  );
  return {
    admission: config.admission,
    shedByReason: shed,
    capacityPerSecond: round(
      med((run) => run.capacityPerSecond),
      0,
    ),
    flood: {
      offeredPerSecond: round(
        med((run) => OVERLOAD_FACTOR * run.capacityPerSecond),
        0,
      ),
      admittedPerSecond: round(
        med((run) => count(run.flood, (s) => s === 201) / (run.flood.requests / run.flood.requestsPerSecond)),
        0,
      ),
      refusedShare: round(median(floodRefusedShare), 3),
      answeredPerRun: floodOffered,
      admittedP99Ms: ms(admittedP99),
      serverAnsweredWithinOneSecondShare: round(
        med((run) => run.serverWithinOneSecondShare),
        4,
      ),
      admittedP50Ms: ms(med((run) => run.flood.latencyP50Us)),
      refusedP50Ms: ms(med((run) => run.flood.refusedLatencyP50Us)),
      refusedP99Ms: ms(refusedP99),
      refusedMaxMs: ms(med((run) => run.flood.refusedLatencyMaxUs)),
      // Each connection's first answer, out of the figures above: it includes opening the connection while
      // the generator opens all of them at once (see firstOnConnectionMs).
      firstOnConnection: runs.map((run) => firstOnConnectionMs(run.flood)),
      statuses: runs.map((run) => run.flood.statuses),
      admissionLimitAfterFlood: runs.map((run) => run.admissionLimitAfterFlood),
      serverEventLoopDelayP99Ms: med((run) => run.serverStallsDuringFlood.eventLoopDelayP99Ms),
      serverEventLoopDelayMaxMs: med((run) => run.serverStallsDuringFlood.eventLoopDelayMaxMs),
      serverGcPauseTotalMs: med((run) => run.serverStallsDuringFlood.gcPauseTotalMs),
      serverGcPauseMaxMs: med((run) => run.serverStallsDuringFlood.gcPauseMaxMs),
      generatorEventLoopDelayP99Ms: round(med((run) => run.flood.generatorEventLoopDelayP99Ms)),
      generatorEventLoopDelayMaxMs: round(med((run) => run.flood.generatorEventLoopDelayMaxMs)),
      serverSide: runs.map((run) => run.floodServerSide),
    },
    floodSpreadOverEachSecond: {
      refusedP50Ms: ms(med((run) => run.spreadFlood.refusedLatencyP50Us)),
      refusedP99Ms: ms(med((run) => run.spreadFlood.refusedLatencyP99Us)),
      admittedP99Ms: ms(med((run) => run.spreadFlood.latencyP99Us)),
      firstOnConnection: runs.map((run) => firstOnConnectionMs(run.spreadFlood)),
      statuses: runs.map((run) => run.spreadFlood.statuses),
      serverSide: runs.map((run) => run.spreadFloodServerSide),
    },
    quiet: {
      requestsPerSecond: quietRate(med((run) => run.capacityPerSecond)),
      aloneP99Ms: ms(quietAloneP99),
      withFloodP99Ms: ms(quietFloodP99),
      aloneP50Ms: ms(med((run) => run.quietAlone.latencyP50Us)),
      withFloodP50Ms: ms(med((run) => run.quietWithFlood.latencyP50Us)),
      statusesWithFlood: runs.map((run) => run.quietWithFlood.statuses),
    },
    targets: {
      admittedP99: {
        target: 'p99 of admitted flood requests < 1 s, as the load generator saw them',
        pass: admittedP99 < ADMITTED_P99_TARGET_US,
      },
      admittedP99ServerSide: {
        target: '≥ 99% of the creations admitted during the flood answered within 1 s, as the API timed them',
        pass: med((run) => run.serverWithinOneSecondShare) >= 0.99,
      },
      refusalsFast: {
        target:
          'every flood request answered: 201 or 503, refused p99 < 100 ms (requests on open connections; ' +
          "each connection's first is reported apart)",
        pass: unanswered === 0 && floodNeither201Nor503 === 0 && refusedP99 < REFUSED_P99_TARGET_US,
      },
      floodWasShed: {
        target: 'the flood got 503s (otherwise nothing was proven)',
        pass: median(floodRefusedShare) > 0,
      },
      quietUnaffected: {
        target: `quiet p99 with flood ≤ ${QUIET_P99_FACTOR} × alone + ${QUIET_P99_SLACK_US / 1000} ms, none refused`,
        ratio: round(quietFloodP99 / quietAloneP99, 2),
        pass: quietFloodP99 <= quietAloneP99 * QUIET_P99_FACTOR + QUIET_P99_SLACK_US && quietRefused === 0,
      },
    },
  };
}

async function main(): Promise<unknown> {
  const settings = process.argv.includes('--quick') ? QUICK : FULL;
  const cpuCount = availableParallelism();
  // This process moves to the other cores first, so the engine and redis-server (and whatever they start)
  // inherit them; then it takes CPU 0 for the API it runs. Load generators are pinned as each load starts.
  const others =
    process.argv.includes('--pin-api') && cpuCount >= 2 && pinProcess(process.pid, `1-${cpuCount - 1}`)
      ? `1-${cpuCount - 1}`
      : null;
  const mongo = await startMongoProcess();
  const redisServer = await RedisServerProcess.start();
  const cores: CorePlacement =
    others !== null && pinProcess(process.pid, '0') ? { api: '0', others } : { api: null, others: null };
  let app: NestFastifyApplication | undefined;
  try {
    const config = loadConfig({
      MONGODB_URI: mongo.uri,
      REDIS_URL: redisServer.url,
      JWT_SIGNING_KEYS: `k1:${randomBytes(24).toString('hex')}`,
      PAYMENTS_GATEWAY: 'simulated',
      LOG_LEVEL: 'silent',
      METRICS_PORT: '0',
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('ADMISSION_'))),
    });
    app = await createApiApplication(config);
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const limits = { apiRequestsPerMinute: HIGH_LIMIT, transactionsPerMonth: HIGH_LIMIT };
    const flooder = await seedBenchTenant(app, { tier: Tier.Enterprise, limits });
    const quiet = await seedBenchTenant(app, { tier: Tier.Enterprise, limits });

    const loadAverageAtStart = loadavg();
    const runs: Run[] = [];
    for (let run = 0; run < settings.runs; run += 1)
      runs.push(await measureRun(app.getHttpServer(), port, flooder, quiet, settings, config, cores));
    const result = report(runs, config, await shedByReason());
    return {
      settings: { ...settings, quick: settings === QUICK },
      environment: {
        node: process.version,
        mongo: `${mongo.kind}, in a child process`,
        cores:
          cores.api === null
            ? 'not pinned: the API, the engine, redis-server and the load generators share every core'
            : `API on CPU ${cores.api}; MongoDB engine, redis-server and load generators on CPU ${cores.others}`,
        // The machine is shared: a load average well above its cores makes every latency figure worse.
        loadAverage: {
          atStart: loadAverageAtStart.map((n) => round(n, 2)),
          atEnd: loadavg().map((n) => round(n, 2)),
        },
      },
      ...result,
      allTargetsMet: Object.values(result.targets).every((target) => target.pass),
    };
  } finally {
    await app?.close();
    await redisServer.stop();
    await mongo.stop();
  }
}

main().then(writeResult, (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
