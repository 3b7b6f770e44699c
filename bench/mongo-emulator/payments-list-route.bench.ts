/**
 * `GET /v1/payments?limit=20` through the real API (production HTTP stack, embedded engine, redis-server
 * child process) as the payments collection grows: the tenant owns 1 payment in 50, the rest belong to other
 * tenants. Payments are copies of one created through the API, so they have the product's exact shape.
 * Spawned by bench.ts (its own process: Nest and the engine's heap do not skew the engine measures):
 *   node --expose-gc -r @swc-node/register bench/mongo-emulator/payments-list-route.bench.ts [--quick]
 */
import 'reflect-metadata';
// Must stay the first import after reflect-metadata: Nest writes to stdout while modules load.
import { writeResult } from '../tenancy/stdout-to-stderr';

import { Tier } from '@tenantpay/tenancy';
import { RedisServerProcess, startMongo } from '@tenantpay/local-services';
import { loadConfig } from '@tenantpay/platform';
import { MongoClient, ObjectId, type Document } from 'mongodb';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiApplication } from '../../apps/api/src/create-api-application';
import { quantile } from '../ratelimit/statistics';
import { ADMISSION_OUT_OF_REACH } from '../support/admission-out-of-reach';
import { seedBenchTenant } from '../support/seed-bench-tenant';

const QUICK = process.argv.includes('--quick');
const SIZES = [1_000, 10_000, 100_000] as const;
const REQUESTS = QUICK ? 300 : 1_000;
const WARMUP = 100;
/**
 * Wall-clock latency as the client sees it, and the process's CPU per request (API, engine and client:
 * they share the process), which other processes on a shared machine do not inflate.
 */
interface RouteLatency {
  p50: number;
  p99: number;
  cpuPerRequest: number;
}

const OTHER_TENANTS = Array.from({ length: 49 }, () => new ObjectId());

async function main(): Promise<void> {
  const mongo = await startMongo({ log: (line) => process.stderr.write(`${line}\n`) });
  const redis = await RedisServerProcess.start();
  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    MONGODB_URI: mongo.uri,
    REDIS_URL: redis.url,
    JWT_SIGNING_KEYS: `k1:${randomBytes(32).toString('hex')}`,
    PAYMENTS_GATEWAY: 'simulated',
    ...ADMISSION_OUT_OF_REACH,
    // The engine runs in this process: filling it blocks the event loop, which must not shed the requests.
    ADMISSION_MAX_EVENT_LOOP_DELAY_MS: '10000',
  });
  const app = await createApiApplication(config);
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const client = await MongoClient.connect(mongo.uri);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const { tenant, token } = await seedBenchTenant(app, {
      tier: Tier.Enterprise,
      limits: { apiRequestsPerMinute: 10_000_000 },
    });
    const call = (method: string, path: string, body?: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const outgoing = request(
          {
            host: '127.0.0.1',
            port,
            path,
            method,
            agent,
            headers: {
              authorization: `Bearer ${token}`,
              ...(body === undefined
                ? {}
                : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
            },
          },
          (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
          },
        );
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    const created = await call(
      'POST',
      '/v1/payments',
      JSON.stringify({ amount: 1_000, currency: 'EUR', reference: 'template', method: 'card' }),
    );
    if (created.status !== 201) throw new Error(`template payment: ${created.status} ${created.body}`);
    const payments = client.db().collection('payments');
    const template = await payments.findOne({ _id: new ObjectId(JSON.parse(created.body).id as string) });
    if (template === null) throw new Error('template payment not stored');
    const tenantId = new ObjectId(tenant.id);

    const results: Record<string, RouteLatency> = {};
    let stored = 1;
    for (const size of SIZES) {
      while (stored < size) {
        const batch: Document[] = [];
        for (; stored < size && batch.length < 1_000; stored++) {
          batch.push({
            ...template,
            _id: new ObjectId(),
            tenantId: stored % 50 === 0 ? tenantId : OTHER_TENANTS[stored % OTHER_TENANTS.length],
            reference: `copy-${stored}`,
          });
        }
        await payments.insertMany(batch, { ordered: false });
      }
      // The fill's garbage is collected before timing, when run with --expose-gc (bench.ts does).
      (globalThis as { gc?: () => void }).gc?.();
      const samples = new Float64Array(REQUESTS);
      let cpu = process.cpuUsage();
      for (let index = 0; index < WARMUP + REQUESTS; index++) {
        if (index === WARMUP) cpu = process.cpuUsage();
        const started = process.hrtime.bigint();
        const response = await call('GET', '/v1/payments?limit=20');
        if (response.status !== 200) throw new Error(`list: ${response.status} ${response.body}`);
        if (index >= WARMUP) samples[index - WARMUP] = Number(process.hrtime.bigint() - started) / 1000;
      }
      const used = process.cpuUsage(cpu);
      samples.sort();
      results[`paymentsListRoute_${size}`] = {
        p50: Math.round(quantile(samples, 0.5)),
        p99: Math.round(quantile(samples, 0.99)),
        cpuPerRequest: Math.round((used.user + used.system) / REQUESTS),
      };
    }
    const small = results['paymentsListRoute_1000'] as RouteLatency;
    const large = results['paymentsListRoute_100000'] as RouteLatency;
    writeResult({
      mongoEngine: mongo.kind,
      unit: 'microseconds',
      requestsPerSize: REQUESTS,
      medians: results,
      ratio_100k_1k: {
        p50: Math.round((large.p50 / small.p50) * 100) / 100,
        p99: Math.round((large.p99 / small.p99) * 100) / 100,
        cpuPerRequest: Math.round((large.cpuPerRequest / small.cpuPerRequest) * 100) / 100,
      },
    });
  } finally {
    agent.destroy();
    await app.close();
    await client.close();
    await redis.stop();
    await mongo.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
