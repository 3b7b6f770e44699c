/**
 * The benchmarks' one HTTP load generator: autocannon, run in a forked child process so that generating load
 * never shares an event loop with the server it measures. `runLoad` hands the load to a child running this
 * file (kept for the next run) and resolves with the child's result.
 *
 * Latency percentiles come from every response's own timing in microseconds: autocannon's histogram keeps
 * whole milliseconds, too coarse for a loopback p50 of a few hundred µs. Only 2xx answers count as latency
 * samples, so a refused request's quick 429 cannot flatter the figure; 503 refusals (admission control) are
 * timed on their own.
 */
import autocannon from 'autocannon';
import { type ChildProcess, fork } from 'node:child_process';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';

import { pinProcess } from '../support/cpu-affinity';

export interface LoadRequest {
  readonly port: number;
  readonly method?: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /**
   * Each connection sends one request per entry in turn, its headers merged over `headers` (several tenants'
   * credentials spread over every connection alike). Omitted: every request sends `headers`.
   */
  readonly rotateHeaders?: readonly Readonly<Record<string, string>>[];
  /** Every `[<id>]` in the body and header values is replaced per request by a fresh unique id. */
  readonly body?: string;
  readonly connections: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  /** Stops after this many requests instead of after `durationMs`. */
  readonly amount?: number;
  /** Requests per second across all connections; omitted: as fast as the server answers. */
  readonly overallRate?: number;
  /** CPUs (taskset list) the load generator runs on; omitted: wherever the kernel puts it. */
  readonly cpus?: string;
  /**
   * Each request carries, in this header, the wall-clock time (epoch µs) at which the generator wrote it, so a
   * server in another process on the same machine can tell how long the request took to reach it.
   */
  readonly sentAtHeader?: string;
  /**
   * With `overallRate`: connections split into this many groups whose per-second send windows start evenly
   * over a second, so requests arrive spread out as from independent clients (see staggeredGroups). Omitted:
   * autocannon's own behaviour, every connection's requests of a second sent at the same instant.
   */
  readonly staggerGroups?: number;
  /**
   * Times each connection's first answer apart from the rest (`firstOnConnection`), out of the latency
   * figures: its time includes opening the connection (handshake, the server's accept) at the moment the load
   * opens every connection at once. Omitted: every answer counts.
   */
  readonly firstOnConnectionApart?: boolean;
}

export interface LoadResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly latencyP50Us: number;
  readonly latencyP99Us: number;
  /** How long 503 refusals took: p50, p99 and the slowest (NaN when there were none). */
  readonly refusedLatencyP50Us: number;
  readonly refusedLatencyP99Us: number;
  readonly refusedLatencyMaxUs: number;
  /** Every status seen while measuring. */
  readonly statuses: Readonly<Record<string, number>>;
  /** Socket errors and timeouts: requests that got no HTTP answer at all. */
  readonly errors: number;
  /** Answered during the warm-up, which the server served too (for its cost per request). */
  readonly warmupRequests: number;
  /**
   * How late the generator's own event loop ran while it measured (p99 and max, ms, the 5 ms sampling interval
   * included as in the overload bench's server figures): a response that arrived while it was stalled (starved
   * of CPU on a shared machine, or collecting garbage) is timed late by that much, though the server answered
   * in time.
   */
  readonly generatorEventLoopDelayP99Ms: number;
  readonly generatorEventLoopDelayMaxMs: number;
  /** With `firstOnConnectionApart`: each connection's first answer (status 201/2xx or 503), p50/p99/max µs. */
  readonly firstOnConnection?: {
    readonly count: number;
    readonly refused: number;
    readonly p50Us: number;
    readonly p99Us: number;
    readonly maxUs: number;
  };
}

const UNIQUE_ID_MARKER = '[<id>]';

/** Load generators between runs: forking and compiling one takes seconds on a busy machine. */
const idle: ChildProcess[] = [];

/**
 * Makes sure `count` generators are forked, loaded and warm (each has sent one request to `port`), so loads
 * run side by side later do not start a process while another load is being measured: on a 2-core machine a
 * generator's start-up (loading @swc-node, autocannon and their modules: hundreds of milliseconds of CPU, seconds
 * with a cold transform cache) delays the running generator's own timing.
 */
export async function prepareLoadGenerators(port: number, count: number, cpus?: string): Promise<void> {
  const missing = Math.max(0, count - idle.length);
  await Promise.all(
    Array.from({ length: missing }, () =>
      runLoad({
        port,
        ...(cpus === undefined ? {} : { cpus }),
        path: '/health/live',
        headers: {},
        connections: 1,
        warmupMs: 0,
        durationMs: 1_000,
        amount: 1,
      }),
    ),
  );
}

/** Runs one load in an idle generator process, or a new one; idle ones never keep this process alive. */
export async function runLoad(load: LoadRequest): Promise<LoadResult> {
  const child =
    idle.pop() ??
    fork(__filename, [], {
      execArgv: ['-r', '@swc-node/register'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
  if (load.cpus !== undefined && !pinProcess(child.pid ?? -1, load.cpus))
    throw new Error(`could not pin the load generator to CPUs ${load.cpus}`);
  child.ref();
  child.channel?.ref();
  const result = await new Promise<LoadResult>((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`load generator exited with ${code}`));
    child.once('exit', exited);
    child.once('error', reject);
    child.once('message', (message) => {
      child.off('exit', exited);
      child.off('error', reject);
      resolve(message as LoadResult);
    });
    child.send(load);
  });
  child.unref();
  child.channel?.unref();
  idle.push(child);
  return result;
}

async function generateLoad(load: LoadRequest): Promise<LoadResult> {
  const groups = staggeredGroups(load);
  if (groups.length > 1 && load.warmupMs > 0) throw new Error('a staggered load has no warm-up');
  const latenciesUs: number[] = [];
  const refusedLatenciesUs: number[] = [];
  const firstOnConnectionUs: number[] = [];
  let firstOnConnectionRefused = 0;
  const answeredConnections = new WeakSet<object>();
  const ownDelay = monitorEventLoopDelay({ resolution: 5 });
  let measuring = false;
  const results = await Promise.all(
    groups.map(async (group) => {
      if (group.startAfterMs > 0) await delay(group.startAfterMs);
      // Without a callback autocannon answers an emitter that is also a promise (and only then honours warmup).
      const instance = autocannon(autocannonOptions(load, group)) as unknown as autocannon.Instance &
        Promise<autocannon.Result>;
      // Emitted by the measured run only: the warm-up reports to an emitter of its own.
      instance.on('response', (client, statusCode, _bytes, responseTimeMs) => {
        if (!measuring) {
          measuring = true;
          ownDelay.enable();
        }
        if (load.firstOnConnectionApart === true && !answeredConnections.has(client)) {
          answeredConnections.add(client);
          firstOnConnectionUs.push(responseTimeMs * 1000);
          if (statusCode === 503) firstOnConnectionRefused += 1;
          return;
        }
        if (statusCode >= 200 && statusCode < 300) latenciesUs.push(responseTimeMs * 1000);
        else if (statusCode === 503) refusedLatenciesUs.push(responseTimeMs * 1000);
      });
      return instance;
    }),
  );
  ownDelay.disable();
  latenciesUs.sort((a, b) => a - b);
  refusedLatenciesUs.sort((a, b) => a - b);
  firstOnConnectionUs.sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const result of results) {
    for (const [status, count] of Object.entries(statusCounts(result)))
      statuses[status] = (statuses[status] ?? 0) + count;
  }
  const answeredOf = (result: autocannon.Result) =>
    Object.values(statusCounts(result)).reduce((sum, count) => sum + count, 0);
  // Not in @types/autocannon either: the warm-up's own results.
  const warmups = results.flatMap((result) => (result as { warmup?: autocannon.Result }).warmup ?? []);
  return {
    warmupRequests: warmups.reduce((sum, warmup) => sum + answeredOf(warmup), 0),
    requests: results.reduce((sum, result) => sum + answeredOf(result), 0),
    requestsPerSecond: results.reduce((sum, result) => sum + answeredOf(result) / result.duration, 0),
    latencyP50Us: nearestRank(latenciesUs, 0.5),
    latencyP99Us: nearestRank(latenciesUs, 0.99),
    refusedLatencyP50Us: nearestRank(refusedLatenciesUs, 0.5),
    refusedLatencyP99Us: nearestRank(refusedLatenciesUs, 0.99),
    refusedLatencyMaxUs: nearestRank(refusedLatenciesUs, 1),
    statuses,
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    generatorEventLoopDelayP99Ms: ownDelay.count === 0 ? 0 : ownDelay.percentile(99) / 1e6,
    generatorEventLoopDelayMaxMs: ownDelay.count === 0 ? 0 : ownDelay.max / 1e6,
    ...(load.firstOnConnectionApart === true
      ? {
          firstOnConnection: {
            count: firstOnConnectionUs.length,
            refused: firstOnConnectionRefused,
            p50Us: nearestRank(firstOnConnectionUs, 0.5),
            p99Us: nearestRank(firstOnConnectionUs, 0.99),
            maxUs: nearestRank(firstOnConnectionUs, 1),
          },
        }
      : {}),
  };
}

/** One autocannon instance of a load: some of its connections and their share of its rate. */
interface ConnectionGroup {
  readonly connections: number;
  readonly overallRate: number | undefined;
  readonly startAfterMs: number;
}

/**
 * autocannon starts every connection's one-second rate window at the same instant, so a rate-limited load
 * sends each second's requests as one burst (all connections at once) rather than spread over the second.
 * With `staggerGroups`, the connections are split into that many autocannon instances whose windows start
 * evenly over one second.
 */
function staggeredGroups(load: LoadRequest): ConnectionGroup[] {
  const { overallRate } = load;
  // autocannon itself runs no more connections than requests per second.
  const connections = Math.min(load.connections, overallRate ?? load.connections);
  const count = overallRate === undefined ? 1 : Math.max(1, Math.min(load.staggerGroups ?? 1, connections));
  const share = (total: number, index: number) => Math.floor(total / count) + (index < total % count ? 1 : 0);
  return Array.from({ length: count }, (_, index) => ({
    connections: share(connections, index),
    overallRate: overallRate === undefined ? undefined : share(overallRate, index),
    startAfterMs: (1000 * index) / count,
  }));
}

function autocannonOptions(load: LoadRequest, group: ConnectionGroup): autocannon.Options {
  const options: autocannon.Options = {
    url: `http://127.0.0.1:${load.port}${load.path}`,
    method: load.method ?? 'GET',
    headers: { ...load.headers },
    body: load.body,
    requests: (load.rotateHeaders ?? [{}]).map((headers) => ({
      headers: { ...load.headers, ...headers },
      // autocannon builds a request again right before writing it (setupRequest), so this is the send time.
      ...(load.sentAtHeader === undefined ? {} : { setupRequest: stampSendTime(load.sentAtHeader) }),
    })),
    idReplacement: [
      load.body ?? '',
      ...[load.headers, ...(load.rotateHeaders ?? [])].flatMap((headers) => Object.values(headers)),
    ].some((value) => value.includes(UNIQUE_ID_MARKER)),
    connections: group.connections,
    duration: load.durationMs / 1000,
    amount: load.amount,
    overallRate: group.overallRate,
    timeout: 10,
  };
  if (load.warmupMs > 0) {
    // Not in @types/autocannon: a first run with the same options whose results are discarded.
    Object.assign(options, { warmup: { connections: group.connections, duration: load.warmupMs / 1000 } });
  }
  return options;
}

/** Adds the wall-clock send time in epoch microseconds: comparable across processes of one machine. */
function stampSendTime(header: string) {
  return (request: autocannon.Request): autocannon.Request => ({
    ...request,
    headers: { ...request.headers, [header]: wallClockMicros().toFixed(0) },
  });
}

export function wallClockMicros(): number {
  return (performance.timeOrigin + performance.now()) * 1000;
}

function statusCounts(result: autocannon.Result): Record<string, number> {
  return Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, stat]) => [status, Number(stat.count ?? 0)]),
  );
}

export function nearestRank(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

if (require.main === module) {
  // The parent exited or let go of this generator.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (load: LoadRequest) => {
    generateLoad(load).then(
      (result) => process.send?.(result),
      (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exit(1);
      },
    );
  });
}
