/**
 * The rate-limiter benchmark on its own:
 *   node -r @swc-node/register bench/ratelimit/rate-limit.bench.ts [--quick] [--auto-pipelining]
 * Prints one JSON document; `--quick` is a smoke run (one short run per limiter); `--auto-pipelining` turns
 * on ioredis auto-pipelining for every limiter (the platform client does not use it).
 */
import 'reflect-metadata';

import { DEFAULT_RATE_LIMIT_BENCHMARK_OPTIONS, runRateLimitBenchmark } from './rate-limit.benchmark';

const quick = process.argv.includes('--quick');
const options = {
  ...DEFAULT_RATE_LIMIT_BENCHMARK_OPTIONS,
  autoPipelining: process.argv.includes('--auto-pipelining'),
};
runRateLimitBenchmark(
  quick
    ? { ...options, runs: 1, decisionsPerRun: 5_000, warmupDecisions: 500, boundaryRepetitions: 1 }
    : options,
).then(
  (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
