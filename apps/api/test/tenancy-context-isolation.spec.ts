import { Controller, Get } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SkipRateLimit } from '@tenantpay/rate-limiting';
import { TenantAdminService, TenantContextService, Tier } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { asUser, createTenancyTestApp, TEST_CREDENTIAL_HEADER } from './support/tenancy-test-app';

const tenantContext = new TenantContextService();
const randomDelay = () => sleep(Math.floor(Math.random() * 4));

/** Runs tasks with at most `width` in flight, like a connection pool or p-limit would. */
async function promisePool(tasks: readonly (() => Promise<void>)[], width: number): Promise<void> {
  const queue = [...tasks];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let task = queue.shift(); task !== undefined; task = queue.shift()) await task();
    }),
  );
}

// Thousands of requests in seconds would exceed any tier's quota; limits are not what this test is about.
@SkipRateLimit()
@Controller('isolation')
class IsolationProbeController {
  /** Notes the tenant it sees after every kind of asynchronous hop a service might make. */
  @Get()
  async observe() {
    const seen: string[] = [];
    const note = () => seen.push(tenantContext.getTenantId());
    note();
    await randomDelay();
    note();
    await new Promise<void>((resolve) => setTimeout(() => (note(), resolve()), Math.random() * 3));
    await new Promise<void>((resolve) => setImmediate(() => (note(), resolve())));
    await new Promise<void>((resolve) => process.nextTick(() => (note(), resolve())));
    await pipeline(
      Readable.from(['a', 'b', 'c']),
      new Transform({
        transform(chunk, _encoding, callback) {
          note();
          setTimeout(() => callback(null, chunk), Math.random() * 2);
        },
      }),
      new Writable({
        write(_chunk, _encoding, callback) {
          note();
          callback();
        },
      }),
    );
    await promisePool(
      Array.from({ length: 6 }, () => async () => {
        await randomDelay();
        note();
      }),
      3,
    );
    const emitter = new EventEmitter();
    const emitted = once(emitter, 'done');
    setTimeout(() => emitter.emit('done'), 1);
    await emitted;
    note();
    return { seen };
  }
}

describe('tenant context isolation under concurrency', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;
  let baseUrl: string;
  let tenantA: string;
  let tenantB: string;

  beforeAll(async () => {
    app = await createTenancyTestApp(testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }), {
      controllers: [IsolationProbeController],
    });
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const admin = app.get(TenantAdminService);
    tenantA = (await admin.create({ slug: 'isolation-a', name: 'A', tier: Tier.Enterprise })).id;
    tenantB = (await admin.create({ slug: 'isolation-b', name: 'B', tier: Tier.Enterprise })).id;
  });
  afterAll(async () => {
    app.getHttpServer().closeAllConnections();
    await app.close();
  });

  it('gives each of thousands of interleaved requests from two tenants only its own tenant, at every hop', async () => {
    const total = 2_000;
    const plan = Array.from({ length: total }, (_, index) => {
      const tenantId = Math.random() < 0.5 ? tenantA : tenantB;
      // Both ways of naming the tenant: a credential, and a credential plus the tenant header.
      const headers: Record<string, string> = { [TEST_CREDENTIAL_HEADER]: asUser(tenantId) };
      if (index % 2 === 0) headers['X-Tenant-ID'] = tenantId;
      return { tenantId, headers };
    });
    const leaks: string[] = [];
    let served = 0;
    await promisePool(
      plan.map(({ tenantId, headers }) => async () => {
        const response = await fetch(`${baseUrl}/v1/isolation`, { headers });
        const body = (await response.json()) as { seen?: string[] };
        if (response.status !== 200 || body.seen === undefined) {
          leaks.push(`status ${response.status}`);
          return;
        }
        served += 1;
        expect(body.seen).toHaveLength(18);
        const foreign = body.seen.filter((seen) => seen !== tenantId);
        if (foreign.length > 0) leaks.push(`${tenantId} saw ${foreign.join(',')}`);
      }),
      64,
    );
    expect(leaks).toEqual([]);
    expect(served).toBe(total);
    expect(new Set(plan.map((entry) => entry.tenantId))).toEqual(new Set([tenantA, tenantB]));
    // 2,000 requests through the whole app: 36 s of a quiet full parallel run, past 60 s in a loaded one.
  }, 120_000);
});
