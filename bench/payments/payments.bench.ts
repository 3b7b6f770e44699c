import { startHttpTestApplication } from '@tenantpay/testing';
/**
 * Payments throughput (issue 7), against the real API (ApiModule, production HTTP stack) and the real worker
 * (WorkerModule), an embedded MongoDB and a redis-server child process:
 *   node -r @swc-node/register bench/payments/payments.bench.ts [--quick]
 * Prints one JSON document:
 * - `httpCreate`: payments created per second through `POST /v1/payments`, each with its own Idempotency-Key,
 *   by concurrent keep-alive clients in this process (so the figure includes the client's CPU);
 * - `workerProcessing`: payments per second taken from PENDING to COMPLETED by one worker process (BullMQ,
 *   simulated gateway at zero latency), draining the backlog the HTTP phase queued.
 */
import 'reflect-metadata';
// Must stay the first import after reflect-metadata: Nest writes to stdout while modules load.
import { writeResult } from '../tenancy/stdout-to-stderr';

import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { SessionsService, TenantUserRole, UsersService } from '@tenantpay/identity';
import { RedisServerProcess, startMongo } from '@tenantpay/local-services';
import { loadConfig } from '@tenantpay/platform';
import {
  ResolutionMethod,
  TenantAdminService,
  TenantContextService,
  TenantLookupService,
  Tier,
} from '@tenantpay/tenancy';
import { MongoClient } from 'mongodb';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ApiModule } from '../../apps/api/src/api.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { ADMISSION_OUT_OF_REACH } from '../support/admission-out-of-reach';

const QUICK = process.argv.includes('--quick');
const PAYMENTS = QUICK ? 300 : 3_000;
const CLIENTS = 32;
const WORKER_CONCURRENCY = 50;

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
    SIMULATED_GATEWAY_LATENCY_MS: '0',
    ...ADMISSION_OUT_OF_REACH,
    PAYMENTS_WORKER_CONCURRENCY: String(WORKER_CONCURRENCY),
  });
  const apiRef = await Test.createTestingModule({ imports: [ApiModule.forRoot(config)] }).compile();
  const api = await startHttpTestApplication(apiRef);
  await api.listen(0, '127.0.0.1');
  const port = (api.getHttpServer().address() as AddressInfo).port;
  let worker: INestApplicationContext | undefined;
  const client = new MongoClient(mongo.uri);
  try {
    const token = await seedTenant(api);
    const httpCreate = await createOverHttp(port, token);

    const payments = client.db().collection('payments');
    const workerRef = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] }).compile();
    const started = performance.now();
    worker = await workerRef.init();
    let completed = 0;
    while ((completed = await payments.countDocuments({ status: 'COMPLETED' })) < PAYMENTS) {
      if (performance.now() - started > 300_000) throw new Error(`only ${completed} payments completed`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const seconds = (performance.now() - started) / 1000;
    writeResult({
      mongoEngine: mongo.kind,
      payments: PAYMENTS,
      httpCreate,
      workerProcessing: {
        concurrency: WORKER_CONCURRENCY,
        gatewayLatencyMs: 0,
        seconds: round(seconds),
        paymentsPerSecond: round(PAYMENTS / seconds),
      },
    });
  } finally {
    await worker?.close();
    await api.close();
    await client.close();
    await redis.stop();
    await mongo.stop();
  }
}

/** An ADMIN of a fresh ENTERPRISE tenant whose request rate limit cannot interfere. */
async function seedTenant(app: NestFastifyApplication): Promise<string> {
  const slug = `bench${randomBytes(4).toString('hex')}`;
  const tenantContext = app.get(TenantContextService);
  const created = await tenantContext.runAsPlatform('benchmark setup', async () => {
    const admin = app.get(TenantAdminService);
    const view = await admin.create({ slug, name: `Bench ${slug}`, tier: Tier.Enterprise });
    return admin.setLimitOverrides(view.id, { apiRequestsPerMinute: 10_000_000 });
  });
  const tenant = await app.get(TenantLookupService).findById(created.id);
  if (tenant === null) throw new Error('seeded tenant not found');
  const context = { tenant, resolvedBy: ResolutionMethod.TenantHeader, principal: null, requestId: 'bench' };
  const user = await tenantContext.run(context, () =>
    app.get(UsersService).create({
      email: `bench@${slug}.example.com`,
      password: randomBytes(16).toString('hex'),
      role: TenantUserRole.Admin,
    }),
  );
  const issued = await tenantContext.run(context, () =>
    app
      .get(SessionsService)
      .open(
        { kind: 'user', userId: user.id, tenantId: tenant.id, role: TenantUserRole.Admin },
        { ip: null, userAgent: 'bench' },
      ),
  );
  return issued.accessToken;
}

async function createOverHttp(port: number, token: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  let next = 0;
  const failures: Record<number, number> = {};
  const post = (index: number) =>
    new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({
        amount: 1000 + (index % 500),
        currency: 'EUR',
        reference: `bench-${index}`,
        method: 'card',
      });
      const call = request(
        {
          host: '127.0.0.1',
          port,
          path: '/v1/payments',
          method: 'POST',
          agent,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'idempotency-key': `bench-key-${index}`,
          },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      call.on('error', reject);
      call.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let index = next++; index < PAYMENTS; index = next++) {
        const status = await post(index);
        if (status !== 201) failures[status] = (failures[status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    clients: CLIENTS,
    seconds: round(seconds),
    paymentsPerSecond: round(PAYMENTS / seconds),
    failures,
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
