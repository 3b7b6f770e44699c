import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { CONSUME_RATE_LIMIT_SCRIPT } from '@tenantpay/rate-limiting';
import type Redis from 'ioredis';

const run = promisify(execFile);

/**
 * What Redis itself can do with our script: `redis-benchmark` (C, no client-side work) sending the same
 * EVALSHA a sliding-window-counter decision sends (same ARGV), over the same number of tenants.
 *
 * Concurrency decides what a ceiling means. The limiters run `concurrency` closed-loop callers (the peers on
 * one ioredis connection, ours on two): at most `concurrency` requests in flight, so the server reads and
 * answers them in batches. The comparable C client keeps the same number in flight: `connections × pipeline` =
 * `concurrency`. One connection with `pipeline = concurrency` matches batched socket use; as many
 * connections with one request each matches the in-flight count with request/response per socket. More in
 * flight than the limiters may ever have (e.g. 64 connections × 16) measures batching they cannot get, not
 * their overhead; the benchmark reports it only as the server's saturation figure.
 */
export async function evalshaCeiling(
  redis: Redis,
  port: number,
  options: {
    tenants: number;
    requests: number;
    limit: number;
    windowSeconds: number;
    connections: number;
    /** Requests in flight per connection: 1 is request/response. */
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
    String(options.connections),
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
