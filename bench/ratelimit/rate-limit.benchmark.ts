import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';

import { RedisServerProcess } from '@tenantpay/local-services';
import Redis from 'ioredis';

import { bareEvalshaAdapter } from './adapters/bare-evalsha.adapter';
import { nestLabThrottlerAdapter } from './adapters/nest-lab-throttler.adapter';
import { rateLimiterFlexibleAdapter } from './adapters/rate-limiter-flexible.adapter';
import { tenantpayAdapter, tenantpayLogAdapter } from './adapters/tenantpay.adapter';
import { upstashRatelimitAdapter } from './adapters/upstash-ratelimit.adapter';
import { evalshaCeiling } from './evalsha-ceiling';
import type { BenchLimiter, LimiterAdapter } from './limiter-adapter';
import { pinProcess, splitCores } from '../support/cpu-affinity';
import { countSentCommands, limiterCommandCount, memoryOfKeys } from './redis-server-stats';
import { maxInAnySpan, median, quantile } from './statistics';

type CeilingResult = Awaited<ReturnType<typeof evalshaCeiling>>;
type CeilingKind = 'oneConnectionPipelined' | 'requestResponse' | 'saturation';

const CEILING_NOTE =
  "redis-benchmark sending our counter decision's EVALSHA. The limiters run `concurrency` callers (the peers " +
  "on the bench's one connection, ours on its own two), so at most `concurrency` requests are in flight: " +
  'oneConnectionPipelined (1 connection × ' +
  '`concurrency` pipelined) and requestResponse (`concurrency` connections × 1) keep that many in flight and are ' +
  'the comparable ceilings; saturation (`concurrency` connections × 16) has 16× more in flight than any limiter ' +
  'here and shows only what the server can do with deep batching.';

export interface RateLimitBenchmarkOptions {
  readonly runs: number;
  readonly decisionsPerRun: number;
  readonly warmupDecisions: number;
  readonly concurrency: number;
  readonly tenants: number;
  /** Per minute, as Enterprise tenants get. */
  readonly limit: number;
  readonly boundaryWindowSeconds: number;
  readonly boundaryLimit: number;
  readonly boundaryRepetitions: number;
  readonly autoPipelining: boolean;
}

export const DEFAULT_RATE_LIMIT_BENCHMARK_OPTIONS: RateLimitBenchmarkOptions = {
  runs: 5,
  decisionsPerRun: 50_000,
  warmupDecisions: 5_000,
  concurrency: 64,
  tenants: 1_000,
  limit: 1_000,
  boundaryWindowSeconds: 2,
  boundaryLimit: 50,
  boundaryRepetitions: 3,
  autoPipelining: false,
};

/**
 * Not a divisor of the window: with bursts exactly a window apart, whether two of them fall into one
 * window-long span would hinge on sub-millisecond jitter, and an exact limiter could measure 1.5× its limit.
 */
const BOUNDARY_BURST_INTERVAL_MS = 130;

const ADAPTERS: readonly LimiterAdapter[] = [
  tenantpayAdapter,
  tenantpayLogAdapter,
  bareEvalshaAdapter,
  rateLimiterFlexibleAdapter,
  upstashRatelimitAdapter,
  nestLabThrottlerAdapter,
];

interface RunResult {
  decisionsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  admittedShare: number;
  clientCommandsPerDecision: number;
  serverCommandsPerDecision: number;
  serverScriptMicrosecondsPerDecision: number;
  memoryBytesPerTenant: number;
  keysPerTenant: number;
}

/**
 * Every limiter against one local redis-server in one process: same client options, concurrency, tenant
 * count and limit. Runs are interleaved across limiters so machine noise spreads evenly; medians are reported.
 */
export async function runRateLimitBenchmark(
  options: RateLimitBenchmarkOptions = DEFAULT_RATE_LIMIT_BENCHMARK_OPTIONS,
): Promise<Record<string, unknown>> {
  const server = await RedisServerProcess.start();
  // The limiters (and redis-benchmark, started from here) on one core, redis-server on the other: each side
  // then has a core of its own, as it would on separate machines, and runs swing less.
  const cores = splitCores();
  if (cores.others !== null && !pinProcess(server.pid ?? -1, cores.others))
    throw new Error('could not pin redis-server');
  const redis = connect(server.url, options.autoPipelining);
  const admin = connect(server.url, false);
  const available: { adapter: LimiterAdapter; limiter: BenchLimiter; keyPrefix: string }[] = [];
  try {
    await Promise.all([redis.connect(), admin.connect()]);
    const skipped: Record<string, string> = {};
    for (const [index, adapter] of ADAPTERS.entries()) {
      const keyPrefix = `b${index}:`;
      try {
        const limiter = await adapter.create({
          redis,
          url: server.url,
          limit: options.limit,
          windowSeconds: 60,
          keyPrefix,
        });
        available.push({ adapter, limiter, keyPrefix });
      } catch (error) {
        skipped[adapter.name] =
          `${adapter.packageName ? `not installed? npm i -D ${adapter.packageName} — ` : ''}${errorText(error)}`;
      }
    }

    const runs = new Map<string, RunResult[]>();
    const ceilings: Record<CeilingKind, CeilingResult>[] = [];
    for (let run = 0; run < options.runs; run += 1) {
      // Each run starts with the next limiter: the first after the ceilings' connection storm measured lowest.
      const shift = run % available.length;
      for (const { adapter, limiter, keyPrefix } of [
        ...available.slice(shift),
        ...available.slice(0, shift),
      ]) {
        await admin.flushall();
        await consumeConcurrently(limiter, options.warmupDecisions, options);
        const result = await measureRun(redis, admin, limiter, adapter.keyPattern(keyPrefix), options);
        runs.set(adapter.name, [...(runs.get(adapter.name) ?? []), result]);
      }
      // Measured in every round, beside the limiters, so a busy machine lowers both alike.
      await admin.flushall();
      const ceilingOptions = { ...options, requests: options.decisionsPerRun * 2, windowSeconds: 60 };
      const { concurrency } = options;
      ceilings.push({
        oneConnectionPipelined: await evalshaCeiling(admin, server.port, {
          ...ceilingOptions,
          connections: 1,
          pipeline: concurrency,
        }),
        requestResponse: await evalshaCeiling(admin, server.port, {
          ...ceilingOptions,
          connections: concurrency,
          pipeline: 1,
        }),
        saturation: await evalshaCeiling(admin, server.port, {
          ...ceilingOptions,
          connections: concurrency,
          pipeline: 16,
        }),
      });
    }

    const limiters: Record<string, unknown> = {};
    for (const { adapter, keyPrefix } of available) {
      const results = runs.get(adapter.name) ?? [];
      const pick = (metric: keyof RunResult) => round(median(results.map((r) => r[metric])));
      const boundaryRatios: number[] = [];
      for (let repetition = 0; repetition < options.boundaryRepetitions; repetition += 1) {
        await admin.flushall();
        boundaryRatios.push(
          await measureBoundary(redis, server.url, adapter, `${keyPrefix}edge${repetition}:`, options),
        );
      }
      limiters[adapter.name] = {
        decisionsPerSecond: pick('decisionsPerSecond'),
        decisionsPerSecondPerRun: results.map((r) => round(r.decisionsPerSecond)),
        p50LatencyMs: pick('p50Ms'),
        p99LatencyMs: pick('p99Ms'),
        admittedShare: pick('admittedShare'),
        clientCommandsPerDecision: pick('clientCommandsPerDecision'),
        serverCommandsPerDecision: pick('serverCommandsPerDecision'),
        serverScriptMicrosecondsPerDecision: pick('serverScriptMicrosecondsPerDecision'),
        memoryBytesPerTenant: pick('memoryBytesPerTenant'),
        keysPerTenant: pick('keysPerTenant'),
        boundary: {
          windowSeconds: options.boundaryWindowSeconds,
          limit: options.boundaryLimit,
          maxAdmittedInAnyWindowOverLimit: round(median(boundaryRatios)),
          perRepetition: boundaryRatios.map(round),
        },
      };
    }

    const ourRuns = runs.get(tenantpayAdapter.name) ?? [];
    const shareOf = (kind: CeilingKind) => {
      const shares = ourRuns.flatMap((ours, run) => {
        const ceiling = ceilings[run]?.[kind];
        return ceiling !== undefined && 'requestsPerSecond' in ceiling
          ? [ours.decisionsPerSecond / ceiling.requestsPerSecond]
          : [];
      });
      return shares.length > 0 ? round(median(shares)) : null;
    };
    const medianCeiling = (kind: CeilingKind) => {
      const measured = ceilings.flatMap((c) => ('requestsPerSecond' in c[kind] ? [c[kind]] : []));
      if (measured.length === 0) return ceilings[0]?.[kind] ?? null;
      return {
        requestsPerSecond: round(median(measured.map((c) => c.requestsPerSecond))),
        perRun: measured.map((c) => round(c.requestsPerSecond)),
        p50Ms: round(median(measured.map((c) => c.p50Ms))),
        p99Ms: round(median(measured.map((c) => c.p99Ms))),
      };
    };
    const fastestPeer = Math.max(
      0,
      ...available
        .filter(({ adapter }) => adapter.packageName !== undefined)
        .map(({ adapter }) => median((runs.get(adapter.name) ?? []).map((r) => r.decisionsPerSecond))),
    );
    const ours = median(ourRuns.map((r) => r.decisionsPerSecond));
    return {
      benchmark: 'ratelimit',
      redis: (await admin.info('server')).match(/redis_version:(\S+)/)?.[1],
      cpuPinning:
        cores.self === null
          ? 'none (needs taskset and 2 cores)'
          : `limiters and redis-benchmark on CPU ${cores.self}, redis-server on CPU ${cores.others}`,
      options,
      evalshaCeiling: {
        note: CEILING_NOTE,
        oneConnectionPipelined: medianCeiling('oneConnectionPipelined'),
        requestResponse: medianCeiling('requestResponse'),
        saturation: medianCeiling('saturation'),
      },
      limiters,
      skipped,
      targets: {
        // Per run (ours and the ceiling measured in the same round), then the median.
        ourShareOfEvalshaCeiling: {
          oneConnectionPipelined: shareOf('oneConnectionPipelined'),
          requestResponse: shareOf('requestResponse'),
          saturation: shareOf('saturation'),
        },
        ourRatioToFastestPeer: fastestPeer > 0 ? round(ours / fastestPeer) : null,
      },
    };
  } finally {
    await Promise.all(available.map(({ limiter }) => limiter.close?.()));
    redis.disconnect();
    admin.disconnect();
    await server.stop();
  }
}

/**
 * The platform client's options (no offline queue, fail fast), optionally with auto-pipelining for everyone,
 * but no per-command timeout: that is a timer per command, which no peer should pay here (ours keeps its
 * budget without one).
 */
function connect(url: string, enableAutoPipelining: boolean): Redis {
  return new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    enableAutoPipelining,
  });
}

async function measureRun(
  redis: Redis,
  admin: Redis,
  limiter: BenchLimiter,
  keyPattern: string,
  options: RateLimitBenchmarkOptions,
): Promise<RunResult> {
  await admin.config('RESETSTAT');
  const sent = [redis, ...(limiter.ownConnections ?? [])].map(countSentCommands);
  const started = performance.now();
  const { latencies, admitted } = await consumeConcurrently(limiter, options.decisionsPerRun, options);
  const elapsedMs = performance.now() - started;
  sent.forEach((client) => client.stop());
  const server = await limiterCommandCount(admin);
  const memory = await memoryOfKeys(admin, keyPattern);
  latencies.sort();
  return {
    decisionsPerSecond: (options.decisionsPerRun / elapsedMs) * 1000,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    admittedShare: admitted / options.decisionsPerRun,
    clientCommandsPerDecision:
      sent.reduce((sum, client) => sum + client.count(), 0) / options.decisionsPerRun,
    serverCommandsPerDecision: server.total / options.decisionsPerRun,
    serverScriptMicrosecondsPerDecision: server.scriptMicroseconds / options.decisionsPerRun,
    memoryBytesPerTenant: memory.bytes / options.tenants,
    keysPerTenant: memory.keys / options.tenants,
  };
}

/** `total` decisions by `concurrency` workers over `tenants` subjects, round robin. */
async function consumeConcurrently(
  limiter: BenchLimiter,
  total: number,
  options: Pick<RateLimitBenchmarkOptions, 'concurrency' | 'tenants'>,
): Promise<{ latencies: Float64Array; admitted: number }> {
  const latencies = new Float64Array(total);
  let next = 0;
  let admitted = 0;
  const worker = async () => {
    for (let index = next++; index < total; index = next++) {
      const started = performance.now();
      if (await limiter.consume(`t${index % options.tenants}`)) admitted += 1;
      latencies[index] = performance.now() - started;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { latencies, admitted };
}

/**
 * Boundary accuracy on a short window: for three windows, a burst of half the limit every 130 ms (about 7×
 * the limit offered per window) to one subject; the most admissions any window-long span saw, over the limit.
 * 1.0 is exact; a fixed window approaches 2.0. Requests are timed when sent (the client's view: how many of
 * the requests it sent within any window-long span got through); answer times would add the client's
 * queueing jitter to the measurement.
 */
async function measureBoundary(
  redis: Redis,
  url: string,
  adapter: LimiterAdapter,
  keyPrefix: string,
  options: RateLimitBenchmarkOptions,
): Promise<number> {
  const windowMs = options.boundaryWindowSeconds * 1000;
  const limiter = await adapter.create({
    redis,
    url,
    limit: options.boundaryLimit,
    windowSeconds: options.boundaryWindowSeconds,
    keyPrefix,
  });
  const admittedAt: number[] = [];
  const burstSize = Math.ceil(options.boundaryLimit / 2);
  const started = performance.now();
  try {
    for (let burst = 0; burst < (3 * windowMs) / BOUNDARY_BURST_INTERVAL_MS; burst += 1) {
      // Closed loop: a burst leaves only when the previous one is answered, so queueing inside this process
      // cannot shift when Redis decides relative to when a request was counted as sent.
      const sentAt = performance.now() - started;
      const answers = await Promise.all(Array.from({ length: burstSize }, () => limiter.consume('edge')));
      for (const allowed of answers) if (allowed) admittedAt.push(sentAt);
      await delay(Math.max(0, started + (burst + 1) * BOUNDARY_BURST_INTERVAL_MS - performance.now()));
    }
  } finally {
    await limiter.close?.();
  }
  admittedAt.sort((a, b) => a - b);
  return maxInAnySpan(admittedAt, windowMs) / options.boundaryLimit;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
}
