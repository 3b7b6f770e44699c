import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole } from '@tenantpay/identity';
import { PaymentStatus, simulatedGatewayKeys } from '@tenantpay/payments';
import { Tier, type TenantSnapshot } from '@tenantpay/tenancy';
import { useTestMongo, useTestRedis } from '@tenantpay/testing';
import { usageHashKey, UsagePeriod } from '@tenantpay/usage';
import type { Worker } from 'bullmq';
import Redis from 'ioredis';
import request from 'supertest';
import {
  createIdentityTestApp,
  expectApiError,
  PASSWORD,
  seedPlatformUser,
  seedTenant,
  seedUser,
} from './identity-test-app';
import { newPayment, startInlineWorker } from './payments-test-app';
import { localCachesOn, sharedInstanceConfig } from './support/two-api-instances';
import { waitFor } from './support/tenancy-test-app';

/** The counter's documented bound (README, Rate limiting): up to 2× the limit in a window-long span. */
const SLIDING_WINDOW_COUNTER_BOUND = 1;
const STARTER_REQUESTS_PER_MINUTE = 60;

jest.setTimeout(120_000);

/**
 * Issue 20, many instances: three API instances and two payment workers sharing one MongoDB and one Redis, as
 * `npm run start:scaled` runs them. Every guarantee that must hold per tenant holds across instances.
 */
describe('scale-out: three API instances and two workers on one MongoDB and Redis', () => {
  // Before useTestRedis: Jest runs afterAll hooks in declaration order; close while Redis is still up.
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    admin?.disconnect();
    for (const app of apps) await app.close();
  });
  const mongo = useTestMongo();
  const redis = useTestRedis();
  const apps: NestFastifyApplication[] = [];
  const workers: Worker[] = [];
  let admin: Redis;
  let platform: { Authorization: string };

  beforeAll(async () => {
    const config = sharedInstanceConfig(mongo.uri, redis.url);
    for (let i = 0; i < 3; i++) apps.push(await createIdentityTestApp(config));
    workers.push(startInlineWorker(apps[1] as NestFastifyApplication));
    workers.push(startInlineWorker(apps[2] as NestFastifyApplication));
    await localCachesOn(...apps);
    admin = new Redis(redis.url);
    await seedPlatformUser(first(), 'ops@tenantpay.test');
    const login = await http(first())
      .post('/v1/platform/auth/login')
      .send({ email: 'ops@tenantpay.test', password: PASSWORD })
      .expect(200);
    platform = { Authorization: `Bearer ${login.body.accessToken as string}` };
  }, 120_000);

  const first = () => apps[0] as NestFastifyApplication;
  const http = (app: NestFastifyApplication) => request(app.getHttpServer());
  /** The instance a round-robin balancer would pick for the i-th request. */
  const instance = (i: number) => apps[i % apps.length] as NestFastifyApplication;
  const signIn = async (tenant: TenantSnapshot, email: string) => {
    await seedUser(first(), tenant, email, TenantUserRole.Admin);
    const login = await http(instance(1))
      .post('/v1/auth/login')
      .set('X-Tenant-ID', tenant.id)
      .send({ email, password: PASSWORD })
      .expect(200);
    return { Authorization: `Bearer ${login.body.accessToken as string}` };
  };

  it("holds a tenant's rate limit across instances, and its usage counts every admitted request once", async () => {
    const tenant = await seedTenant(first(), Tier.Starter);
    const auth = await signIn(tenant, 'admin@starter.test');
    const answers: number[] = [];
    for (let i = 0; i < 3 * STARTER_REQUESTS_PER_MINUTE; i++) {
      answers.push((await http(instance(i)).get('/v1/payments?limit=1').set(auth)).status);
    }

    const admitted = answers.filter((status) => status === 200).length;
    expect(answers.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    // One limit for the tenant, not one per instance (which would admit 3 × 60).
    expect(admitted).toBeGreaterThanOrEqual(STARTER_REQUESTS_PER_MINUTE);
    expect(admitted).toBeLessThanOrEqual(STARTER_REQUESTS_PER_MINUTE * (1 + SLIDING_WINDOW_COUNTER_BOUND));
    const period = UsagePeriod.containing(new Date()).toString();
    expect(Number(await admin.hget(usageHashKey(tenant.id, period), 'api_calls'))).toBe(admitted);
  });

  it('applies a suspension made on one instance on every instance from the next request', async () => {
    const tenant = await seedTenant(first(), Tier.Professional);
    const auth = await signIn(tenant, 'admin@suspended.test');
    for (const app of apps) await http(app).get('/v1/payments?limit=1').set(auth).expect(200);

    await http(first()).post(`/v1/admin/tenants/${tenant.id}/suspend`).set(platform).expect(200);

    for (const app of apps) {
      expectApiError(await http(app).get('/v1/payments?limit=1').set(auth), 403, 'tenant_suspended');
    }
  });

  it('applies an API key revocation made on one instance on every instance from the next request', async () => {
    const tenant = await seedTenant(first(), Tier.Enterprise);
    const auth = await signIn(tenant, 'admin@revoked.test');
    const created = await http(first())
      .post('/v1/api-keys')
      .set(auth)
      .send({ name: 'server', scopes: ['payments:read'] })
      .expect(201);
    const key = { 'X-API-Key': created.body.key as string };
    // Every instance has the key in its in-process cache.
    for (const app of apps) await http(app).get('/v1/payments?limit=1').set(key).expect(200);

    await http(instance(1))
      .post(`/v1/api-keys/${created.body.id as string}/revoke`)
      .set(auth)
      .expect(200);

    for (const app of apps)
      expectApiError(await http(app).get('/v1/payments?limit=1').set(key), 401, 'unauthorized');
  });

  it('runs each payment job once on two workers: every payment completed, each charged exactly once', async () => {
    const tenant = await seedTenant(first(), Tier.Enterprise);
    const auth = await signIn(tenant, 'admin@payments.test');
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const created = await http(instance(i))
        .post('/v1/payments')
        .set(auth)
        .set('Idempotency-Key', `scale-out-${i}`)
        .send(newPayment({ paymentToken: 'tok_visa' }))
        .expect(201);
      ids.push(created.body.id as string);
    }

    const statuses = async () =>
      Promise.all(
        ids.map(async (id, i) => (await http(instance(i)).get(`/v1/payments/${id}`).set(auth)).body.status),
      );
    await waitFor(
      async () => (await statuses()).every((status) => status === PaymentStatus.Completed),
      60_000,
    );
    const charges = await Promise.all(
      ids.map(async (id) => Number(await admin.get(simulatedGatewayKeys.chargeCount(id)))),
    );
    expect(charges).toEqual(ids.map(() => 1));
  });
});
