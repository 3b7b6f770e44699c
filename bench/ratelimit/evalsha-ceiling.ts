import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { CONSUME_RATE_LIMIT_SCRIPT } from '@tenantpay/rate-limiting';
import type Redis from 'ioredis';

const run = promisify(execFile);

/**
 * What Redis itself can do with our script: `redis-benchmark` (C, no client-side work) sending the same
 * EVALSHA a sliding-window-counter decision sends, over the same number of tenants. Without pipelining it is
 * one request per connection at a time; ioredis writes everything issued in one tick together on its single
 * connection, which is a pipeline, so the pipelined figure is the stricter ceiling.
 */
export async function evalshaCeiling(
  redis: Redis,
  port: number,
  options: {
    concurrency: number;
    tenants: number;
    requests: number;
    limit: number;
    windowSeconds: number;
    /** Requests in flight per connection: 1 is request/response; more measures what the server's script execution allows. */
    pipeline: number;
  },
): Promise<{ requestsPerSecond: number; p50Ms: number; p99Ms: number } | { skipped: string }> {
  const sha = String(await redis.script('LOAD', CONSUME_RATE_LIMIT_SCRIPT));
  const args = [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-c',
    String(options.concurrency),
    '-n',
    String(options.requests),
    '-r',
    String(options.tenants),
    '-P',
    String(options.pipeline),
    '--csv',
    'EVALSHA',
    sha,
    '1',
    'rl:{ceiling__rand_int__}:api',
    'c',
    String(options.limit),
    String(options.windowSeconds * 1000),
    '1',
    '',
    '0',
    '0',
    '0',
    '',
  ];
  try {
    const { stdout } = await run('redis-benchmark', args, { maxBuffer: 1 << 20 });
    // CSV: "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
    const row = stdout.trim().split('\n').pop() ?? '';
    const cells = row.split(',').map((cell) => cell.replace(/"/g, ''));
    return { requestsPerSecond: Number(cells[1]), p50Ms: Number(cells[4]), p99Ms: Number(cells[6]) };
  } catch (error) {
    return { skipped: `redis-benchmark failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
