/**
 * What one request costs the product's process, without sockets or a load generator (issue 16), for cheap
 * before/after comparisons on a busy machine:
 *   node -r @swc-node/register bench/http/in-process-request-cost.ts [requests per round] [rounds] [route name part]
 * The product is built as the HTTP bench builds it (MongoDB engine and redis-server in other processes) and
 * requests go through Fastify's `inject` (light-my-request), 16 in flight: Node's HTTP parser, the socket write
 * and the admission gate on Node's server are left out; everything from Fastify's routing on is in.
 * Per round and route it writes to stderr this process's CPU µs per request (`process.cpuUsage`), then, over a
 * further batch of the same requests, the promises created per request (an async hook's init count) and the
 * bytes allocated per request (V8's used heap after the batch, less before, plus what each garbage collection
 * in between freed, from `v8.GCProfiler`). The two counts do not move with the machine's load, so they compare
 * two versions of the code on a busy machine where CPU time cannot; both include this harness's own share
 * (light-my-request's request and response objects, the in-flight loop's promises), the same for every version.
 * Stdout carries the product's request log, as in production (send it to /dev/null, as the HTTP bench does). Under
 *   valgrind --tool=callgrind --instr-atstart=no node -r @swc-node/register bench/http/in-process-request-cost.ts
 * it also switches instrumentation on for each measured route only (`callgrind_control`) and prints the
 * instructions (Ir) per request, a figure that a busy machine does not move.
 */
import 'reflect-metadata';
import { TenantUserRole } from '@tenantpay/identity';
import { RedisServerProcess } from '@tenantpay/local-services';
import { Tier } from '@tenantpay/tenancy';
import { createHook } from 'node:async_hooks';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { GCProfiler, getHeapStatistics } from 'node:v8';
import { BenchNoopController } from '../support/bench-noop.controller';
import { startMongoProcess } from '../support/mongo-process';
import { seedBenchTenant } from '../support/seed-bench-tenant';
import { createProductApp, PRODUCT_BASE_DOMAIN } from './product-bench-server';

const IN_FLIGHT = 16;
const WARM_UP_REQUESTS = 3_000;
/**
 * Under valgrind the process runs tens of times slower: MongoDB's connection timeouts and the payment's Redis
 * budget are raised for the seeding, and requests go one at a time so that no Redis reply waits behind other
 * requests' work long enough to outlast the rate limiter's budget (its fail-open fallback would then be
 * measured instead). Check the request log for the fallback's warning.
 */
const UNDER_CALLGRIND = {
  inFlight: 1,
  warmUpRequests: 300,
  config: {
    MONGODB_WAIT_QUEUE_TIMEOUT_MS: '60000',
    MONGODB_SERVER_SELECTION_TIMEOUT_MS: '60000',
    MONGODB_CONNECT_TIMEOUT_MS: '60000',
    MONGODB_SOCKET_TIMEOUT_MS: '60000',
    PAYMENTS_REDIS_BUDGET_MS: '10000',
  },
} as const;

interface MeasuredRoute {
  readonly name: string;
  readonly url: string;
  readonly headers: Record<string, string>;
}

/** True when this process runs under callgrind: valgrind preloads its core into the process. */
function underCallgrind(): boolean {
  return readFileSync('/proc/self/maps', 'utf8').includes('vgpreload_core');
}

function callgrind(...args: string[]): void {
  execFileSync('callgrind_control', [...args, String(process.pid)], { stdio: 'ignore' });
}

/** The instruction count of the newest callgrind dump of this process. */
function lastDumpIr(): number {
  const prefix = `callgrind.out.${process.pid}.`;
  const dumps = readdirSync('.')
    .filter((file) => file.startsWith(prefix))
    .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)));
  const newest = dumps[dumps.length - 1];
  if (newest === undefined) throw new Error('no callgrind dump found');
  // The header's `summary:` line may read 0 for a dump taken on request; `totals:` closes the file.
  const totals = /^totals: (\d+)/m.exec(readFileSync(newest, 'utf8'));
  if (totals?.[1] === undefined) throw new Error(`no instruction total in ${newest}`);
  return Number(totals[1]);
}

interface RequestCounts {
  readonly promisesPerRequest: number;
  readonly allocatedBytesPerRequest: number;
}

/** Bytes V8 allocated while `work` ran: the used heap's growth plus everything each collection freed. */
async function allocatedBytesDuring(work: () => Promise<void>): Promise<number> {
  const profiler = new GCProfiler();
  profiler.start();
  const usedBefore = getHeapStatistics().used_heap_size;
  await work();
  const usedAfter = getHeapStatistics().used_heap_size;
  const collections = profiler.stop().statistics;
  const freed = collections.reduce(
    (sum, gc) => sum + gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize,
    0,
  );
  return usedAfter - usedBefore + freed;
}

/** Promises created while `work` ran (each one also runs AsyncLocalStorage's promise hook on Node 20). */
async function promisesCreatedDuring(work: () => Promise<void>): Promise<number> {
  let promises = 0;
  const hook = createHook({
    init(_asyncId, type) {
      if (type === 'PROMISE') promises += 1;
    },
  });
  hook.enable();
  try {
    await work();
  } finally {
    hook.disable();
  }
  return promises;
}

async function main(): Promise<void> {
  const requests = Number(process.argv[2] ?? 4_000);
  const rounds = Number(process.argv[3] ?? 5);
  const only = process.argv[4];
  const callgrindOn = underCallgrind();
  const mongo = await startMongoProcess();
  const redis = await RedisServerProcess.start();
  const product = await createProductApp(
    { mongoUri: mongo.uri, redisUrl: redis.url },
    callgrindOn ? UNDER_CALLGRIND.config : {},
    [BenchNoopController],
  );
  const inFlight = callgrindOn ? UNDER_CALLGRIND.inFlight : IN_FLIGHT;
  const warmUpRequests = callgrindOn ? UNDER_CALLGRIND.warmUpRequests : WARM_UP_REQUESTS;
  await product.app.init();
  // As the tenancy bench's: an unlimited policy is decided without Redis, so its no-op route measures the
  // tenancy chain without the rate-limit + usage round trip.
  const unlimited = await seedBenchTenant(product.app, {
    tier: Tier.Enterprise,
    limits: { apiRequestsPerMinute: 'unlimited' },
    role: TenantUserRole.Viewer,
  });
  const fastify = product.app.getHttpAdapter().getInstance() as {
    inject(options: {
      method: 'GET' | 'POST';
      url: string;
      headers: Record<string, string>;
      payload?: string;
    }): Promise<{
      statusCode: number;
      body: string;
    }>;
  };
  const routes: MeasuredRoute[] = [
    { name: 'GET /health/live', url: '/health/live', headers: { host: PRODUCT_BASE_DOMAIN } },
    {
      name: 'GET /v1/usage (API key)',
      url: '/v1/usage',
      headers: { host: product.tenantHost, 'x-api-key': product.apiKey },
    },
    // The tenancy bench's pair (BenchNoopController): their difference is what the tenancy chain adds.
    { name: 'GET /v1/bench/open (chain off)', url: '/v1/bench/open', headers: { host: PRODUCT_BASE_DOMAIN } },
    {
      name: 'GET /v1/bench/noop (JWT, unlimited policy)',
      url: '/v1/bench/noop',
      headers: {
        host: `${unlimited.tenant.slug}.${PRODUCT_BASE_DOMAIN}`,
        authorization: `Bearer ${unlimited.token}`,
      },
    },
    {
      name: 'GET /v1/bench/noop (JWT, finite policy)',
      url: '/v1/bench/noop',
      headers: { host: product.tenantHost, authorization: `Bearer ${product.token}` },
    },
  ];

  const fire = async (route: MeasuredRoute, count: number): Promise<void> => {
    let next = 0;
    const worker = async () => {
      while (next < count) {
        next += 1;
        const response = await fastify.inject({ method: 'GET', url: route.url, headers: route.headers });
        if (response.statusCode !== 200)
          throw new Error(`${route.name} answered ${response.statusCode}: ${response.body}`);
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
  };

  // Separate batches: the counting hook's own calls would otherwise be counted among the allocations.
  const countPerRequest = async (route: MeasuredRoute, count: number): Promise<RequestCounts> => {
    const allocated = await allocatedBytesDuring(() => fire(route, count));
    const promises = await promisesCreatedDuring(() => fire(route, count));
    return {
      promisesPerRequest: Number((promises / count).toFixed(1)),
      allocatedBytesPerRequest: Math.round(allocated / count),
    };
  };

  try {
    // As in the HTTP bench, whose payment round runs first: a payment's quota reservation gives the period's
    // usage hash its baseline, which the usage read's one-Redis-call path needs (the worker's sync does too).
    const payment = await fastify.inject({
      method: 'POST',
      url: '/v1/payments',
      headers: {
        host: product.tenantHost,
        'x-api-key': product.apiKey,
        'content-type': 'application/json',
        'idempotency-key': 'in-process-request-cost',
      },
      payload: JSON.stringify({ amount: 1999, currency: 'EUR', reference: 'in-process', method: 'card' }),
    });
    if (payment.statusCode !== 201)
      throw new Error(`payment answered ${payment.statusCode}: ${payment.body}`);
    for (const route of routes) await fire(route, warmUpRequests);
    for (let round = 1; round <= rounds; round += 1) {
      for (const route of routes) {
        if (only !== undefined && !route.name.includes(only)) continue;
        if (callgrindOn) {
          callgrind('--zero');
          callgrind('--instr=on');
        }
        const before = process.cpuUsage();
        await fire(route, requests);
        const spent = process.cpuUsage(before);
        let irPerRequest: number | undefined;
        if (callgrindOn) {
          callgrind('--instr=off');
          callgrind('--dump');
          irPerRequest = Math.round(lastDumpIr() / requests);
        }
        const cpuUsPerRequest = Number(((spent.user + spent.system) / requests).toFixed(1));
        const counts = callgrindOn ? undefined : await countPerRequest(route, requests);
        process.stderr.write(
          `${JSON.stringify({ round, route: route.name, requests, cpuUsPerRequest, irPerRequest, ...counts })}\n`,
        );
      }
    }
  } finally {
    await product.app.close();
    await redis.stop();
    await mongo.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
