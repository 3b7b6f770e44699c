/**
 * What a request costs the API process (issue 16):
 *   npm run bench -- http [--quick]
 * Interleaved in one run: a minimal Nest + Fastify app, a minimal Nest + Express app (one GET route each) and
 * the product (a no-op route, an authenticated read of a small document, a page of 20 payments, a payment
 * creation with an Idempotency-Key). Each server runs in its own process pinned to CPU 0; the load generator,
 * the MongoDB engine and redis-server run on the other cores. Per round, the server's and the engine's CPU
 * time (process.cpuUsage over IPC) are divided by the requests answered, warm-up included, so the API's cost
 * is reported apart from the engine's. The server's idle CPU rate (its timers and pollers, and work left
 * queued by earlier rounds such as payment jobs) is measured for a second before each round, and the cost
 * is also reported net of it. Prints one JSON document: medians and ranges of server CPU µs per
 * request and req/s, and the targets: product no-op ≤ 2× the minimal Nest + Fastify app, and
 * `GET /v1/usage` with an API key ≤ 150 µs of API-process CPU.
 */
import 'reflect-metadata';
// Must stay the first import after reflect-metadata: see the file.
import { writeResult } from '../tenancy/stdout-to-stderr';

import { RedisServerProcess } from '@tenantpay/local-services';
import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type LoadRequest, type LoadResult, nearestRank, runLoad } from '../load/load-generator';
import { pinProcess } from '../support/cpu-affinity';
import { readCpuMicros } from '../support/cpu-usage-probe';
import { startMongoProcess } from '../support/mongo-process';
import type { BenchServerKind, BenchServerReady } from './bench-server.process';
import { MINIMAL_ROUTE } from './minimal-nest-app';
import { PRODUCT_BASE_DOMAIN } from './product-bench-server';

const NOOP_RATIO_TARGET = 2;
const USAGE_CPU_TARGET_US = 150;
const PAGE_SIZE = 20;

interface Settings {
  readonly runs: number;
  readonly connections: number;
  readonly warmupMs: number;
  readonly durationMs: number;
}

const FULL: Settings = { runs: 5, connections: 32, warmupMs: 1_000, durationMs: 3_000 };
const QUICK: Settings = { runs: 1, connections: 16, warmupMs: 500, durationMs: 1_500 };

interface BenchServer {
  readonly kind: BenchServerKind;
  readonly process: ChildProcess;
  readonly ready: BenchServerReady;
}

async function startServer(
  kind: BenchServerKind,
  args: readonly string[],
  cpu: string | null,
): Promise<BenchServer> {
  const child = fork(path.join(__dirname, 'bench-server.process.ts'), [kind, ...args], {
    execArgv: ['-r', '@swc-node/register'],
    // The product's request log goes to /dev/null: written, as in production, but not kept.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  if (cpu !== null && !pinProcess(child.pid ?? -1, cpu)) throw new Error(`could not pin the ${kind} server`);
  const ready = await new Promise<BenchServerReady>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code} during startup`)));
    child.once('message', (message) => resolve(message as BenchServerReady));
  });
  child.removeAllListeners('exit');
  return { kind, process: child, ready };
}

async function stopServer(server: BenchServer): Promise<void> {
  if (server.process.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => server.process.once('exit', () => resolve()));
  server.process.disconnect();
  await exited;
}

interface Scenario {
  readonly server: BenchServer;
  readonly load: Pick<LoadRequest, 'method' | 'path' | 'headers' | 'body'>;
  readonly expectedStatus: number;
}

interface Round {
  readonly requestsPerSecond: number;
  readonly apiCpuUsPerRequest: number;
  /** The same, less the CPU the server spent while idle just before (its timers, pollers, queued work). */
  readonly apiCpuNetOfIdleUsPerRequest: number;
  readonly engineCpuUsPerRequest: number;
  readonly latencyP50Us: number;
}

const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

function spread(values: readonly number[], digits = 1) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: round(nearestRank(sorted, 0.5), digits),
    min: round(sorted[0] ?? Number.NaN, digits),
    max: round(sorted[sorted.length - 1] ?? Number.NaN, digits),
  };
}

/** How long the server is watched with no load before each round, for its idle CPU rate. */
const IDLE_PROBE_MS = 1_000;

async function measureRound(
  scenario: Scenario,
  engine: ChildProcess,
  settings: Settings,
  cpus: string | null,
) {
  const idleBefore = await readCpuMicros(scenario.server.process);
  const idleStart = performance.now();
  await new Promise((resolve) => setTimeout(resolve, IDLE_PROBE_MS));
  const idleCpuPerMs =
    ((await readCpuMicros(scenario.server.process)) - idleBefore) / (performance.now() - idleStart);
  const roundStart = performance.now();
  const [apiBefore, engineBefore] = await Promise.all([
    readCpuMicros(scenario.server.process),
    readCpuMicros(engine),
  ]);
  const result: LoadResult = await runLoad({
    port: scenario.server.ready.port,
    ...scenario.load,
    connections: settings.connections,
    cpus: cpus ?? undefined,
    warmupMs: settings.warmupMs,
    durationMs: settings.durationMs,
  });
  const [apiAfter, engineAfter] = await Promise.all([
    readCpuMicros(scenario.server.process),
    readCpuMicros(engine),
  ]);
  const statuses = Object.keys(result.statuses);
  if (result.errors > 0 || statuses.length !== 1 || statuses[0] !== String(scenario.expectedStatus))
    throw new Error(`not every request answered ${scenario.expectedStatus}: ${JSON.stringify(result)}`);
  const served = result.requests + result.warmupRequests;
  const idleShare = idleCpuPerMs * (performance.now() - roundStart);
  return {
    requestsPerSecond: result.requestsPerSecond,
    apiCpuUsPerRequest: (apiAfter - apiBefore) / served,
    apiCpuNetOfIdleUsPerRequest: (apiAfter - apiBefore - idleShare) / served,
    engineCpuUsPerRequest: (engineAfter - engineBefore) / served,
    latencyP50Us: result.latencyP50Us,
  } satisfies Round;
}

async function main(): Promise<unknown> {
  const settings = process.argv.includes('--quick') ? QUICK : FULL;
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const cpuCount = availableParallelism();
  // The servers get CPU 0 to themselves; this process and every process it starts from here on (engine,
  // redis-server, load generator) inherit the other cores.
  const others = cpuCount >= 2 && pinProcess(process.pid, `1-${cpuCount - 1}`) ? `1-${cpuCount - 1}` : null;
  const serverCpu = others === null ? null : '0';

  const mongo = await startMongoProcess();
  const redis = await RedisServerProcess.start();
  const servers: BenchServer[] = [];
  try {
    const fastify = await startServer('minimal-fastify', [], serverCpu);
    servers.push(fastify);
    const express = await startServer('minimal-express', [], serverCpu);
    servers.push(express);
    const product = await startServer('product', [mongo.uri, redis.url], serverCpu);
    servers.push(product);
    const tenant = { host: product.ready.tenantHost ?? '', 'x-api-key': product.ready.apiKey ?? '' };

    const scenarios: Record<string, Scenario> = {
      'minimal Nest + Fastify GET /noop': {
        server: fastify,
        load: { path: MINIMAL_ROUTE, headers: {} },
        expectedStatus: 200,
      },
      'minimal Nest + Express GET /noop': {
        server: express,
        load: { path: MINIMAL_ROUTE, headers: {} },
        expectedStatus: 200,
      },
      'product GET /health/live': {
        server: product,
        load: { path: '/health/live', headers: { host: PRODUCT_BASE_DOMAIN } },
        expectedStatus: 200,
      },
      // First of the product's data routes: its warm-up pass seeds the payments the list pages through.
      'product POST /v1/payments (API key, Idempotency-Key)': {
        server: product,
        load: {
          method: 'POST',
          path: '/v1/payments',
          headers: { ...tenant, 'content-type': 'application/json', 'idempotency-key': 'http-[<id>]' },
          body: JSON.stringify({ amount: 1999, currency: 'EUR', reference: 'http-[<id>]', method: 'card' }),
        },
        expectedStatus: 201,
      },
      'product GET /v1/usage (API key)': {
        server: product,
        load: { path: '/v1/usage', headers: tenant },
        expectedStatus: 200,
      },
      [`product GET /v1/payments?limit=${PAGE_SIZE} (API key)`]: {
        server: product,
        load: { path: `/v1/payments?limit=${PAGE_SIZE}`, headers: tenant },
        expectedStatus: 200,
      },
    };

    // One unmeasured pass first: otherwise the first round of each server pays for compiling its hot paths.
    for (const [name, scenario] of Object.entries(scenarios)) {
      log(`warm-up ${name}`);
      await measureRound(scenario, mongo.process, { ...settings, warmupMs: 0 }, others);
    }
    const rounds: Record<string, Round[]> = {};
    // Interleaved, so drift (thermal, GC, a noisy neighbour) spreads over every scenario alike.
    for (let run = 0; run < settings.runs; run += 1) {
      for (const [name, scenario] of Object.entries(scenarios)) {
        const measured = await measureRound(scenario, mongo.process, settings, others);
        (rounds[name] ??= []).push(measured);
        log(
          `${name} run ${run + 1}: ${measured.requestsPerSecond.toFixed(0)} req/s, API CPU ` +
            `${measured.apiCpuUsPerRequest.toFixed(0)} µs/request (${measured.apiCpuNetOfIdleUsPerRequest.toFixed(0)} net of idle), engine CPU ${measured.engineCpuUsPerRequest.toFixed(0)} µs/request`,
        );
      }
    }

    const perRun = (name: string) => rounds[name] ?? [];
    const noopRatios = perRun('product GET /health/live').map(
      (measured, run) =>
        measured.apiCpuUsPerRequest /
        (perRun('minimal Nest + Fastify GET /noop')[run]?.apiCpuUsPerRequest ?? Number.NaN),
    );
    const usageCpu = perRun('product GET /v1/usage (API key)').map((measured) => measured.apiCpuUsPerRequest);
    const noopRatio = spread(noopRatios, 2);
    const usage = spread(usageCpu);
    return {
      settings: { ...settings, quick: settings === QUICK },
      environment: {
        node: process.version,
        mongo: mongo.kind,
        cpuPinning:
          serverCpu === null
            ? 'none (needs taskset and 2 cores): servers, engine and load generator share every core'
            : `servers on CPU ${serverCpu}; load generator, MongoDB engine and redis-server on CPU ${others}`,
        productLogging: 'LOG_LEVEL=info, written to /dev/null',
      },
      scenarios: Object.fromEntries(
        Object.entries(rounds).map(([name, measured]) => [
          name,
          {
            apiCpuUsPerRequest: spread(measured.map((m) => m.apiCpuUsPerRequest)),
            apiCpuNetOfIdleUsPerRequest: spread(measured.map((m) => m.apiCpuNetOfIdleUsPerRequest)),
            engineCpuUsPerRequest: spread(measured.map((m) => m.engineCpuUsPerRequest)),
            requestsPerSecond: spread(
              measured.map((m) => m.requestsPerSecond),
              0,
            ),
            latencyP50Us: spread(
              measured.map((m) => m.latencyP50Us),
              0,
            ),
          },
        ]),
      ),
      targets: {
        'product no-op / minimal Nest + Fastify (API CPU per request)': {
          ...noopRatio,
          target: `≤ ${NOOP_RATIO_TARGET}`,
          met: noopRatio.median <= NOOP_RATIO_TARGET,
        },
        'GET /v1/usage with an API key, API CPU µs per request': {
          ...usage,
          target: `≤ ${USAGE_CPU_TARGET_US}`,
          met: usage.median <= USAGE_CPU_TARGET_US,
        },
      },
    };
  } finally {
    for (const server of servers) await stopServer(server);
    await redis.stop();
    await mongo.stop();
  }
}

main().then(writeResult, (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
