/**
 * The monthly transaction quota over HTTP, on the real application (issue 15): reserved before a payment is
 * created, committed when it is, given back when creation fails, and bounded while Redis is down.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole } from '@tenantpay/identity';
import { REDIS_CLIENT } from '@tenantpay/platform';
import { type TenantSnapshot, Tier, UNLIMITED } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis, readyHttpApplication } from '@tenantpay/testing';
import {
  QUOTA_HELD_TOTAL_FIELD,
  quotaHeldUnitsKey,
  UsagePeriod,
  UsageReaderService,
  UsageSyncService,
} from '@tenantpay/usage';
import type Redis from 'ioredis';
import { ObjectId } from 'mongodb';
import request from 'supertest';
import { createApiApplication } from '../src/create-api-application';
import { expectApiError, seedTenant } from './identity-test-app';
import { newPayment, userToken } from './payments-test-app';
import { waitFor } from './support/tenancy-test-app';

// Seeding hashes passwords and the first test sends 50 creations at once on a small machine.
const SLOW_MS = 60_000;

describe('payments API: the monthly transaction quota (reserve, then commit)', () => {
  afterAll(async () => {
    await app?.close();
  });
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;

  const http = () => request(app.getHttpServer());
  const period = () => UsagePeriod.containing(new Date());
  const payments = (tenant: TenantSnapshot) =>
    mongo.db.collection('payments').countDocuments({ tenantId: new ObjectId(tenant.id) });
  const transactions = async (tenant: TenantSnapshot) =>
    (await app.get(UsageReaderService).read(tenant.id, period())).counters.transactions;
  const held = async (tenant: TenantSnapshot) =>
    Number(
      (await app
        .get<Redis>(REDIS_CLIENT)
        .hget(quotaHeldUnitsKey(tenant.id, period().toString()), QUOTA_HELD_TOTAL_FIELD)) ?? 0,
    );

  /** A STARTER tenant with this monthly quota, `used` payments already created, and its admin. */
  async function tenantWithQuota(limit: number, used: number, name: string) {
    // The rate limit is lifted: this is about the quota, and 50 requests at once exceed 60 / min.
    const tenant = await seedTenant(app, Tier.Starter, {
      transactionsPerMonth: limit,
      apiRequestsPerMinute: UNLIMITED,
    });
    const { auth } = await userToken(app, tenant, `admin@${name}.test`, TenantUserRole.Admin);
    for (let i = 0; i < used; i += 1) {
      await http().post('/v1/payments').set(auth).send(newPayment()).expect(201);
    }
    return { tenant, auth };
  }

  beforeAll(async () => {
    // A generous deadline: on a busy machine a reservation that timed out would be decided by the fallback,
    // and the burst test is about Redis's decision. The outage test then waits it out once per request.
    app = await createApiApplication(
      testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url, PAYMENTS_REDIS_BUDGET_MS: '2000' }),
    );
    await readyHttpApplication(app);
  }, SLOW_MS);

  it(
    'admits exactly the 10 payments left among 50 parallel creations; the rest get 429 quota_exceeded',
    async () => {
      const { tenant, auth } = await tenantWithQuota(12, 2, 'burst');

      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) => {
          const post = http().post('/v1/payments').set(auth);
          // Half with an Idempotency-Key: both creation paths reserve.
          return (i % 2 === 0 ? post.set('Idempotency-Key', `burst-${i}`) : post).send(newPayment());
        }),
      );

      expect(responses.filter((response) => response.status === 201)).toHaveLength(10);
      const refused = responses.filter((response) => response.status !== 201);
      expect(refused).toHaveLength(40);
      for (const response of refused) expectApiError(response, 429, 'quota_exceeded');
      expect(await payments(tenant)).toBe(12);
      expect(await transactions(tenant)).toBe(12);
      expect(await held(tenant)).toBe(0);
    },
    SLOW_MS,
  );

  it(
    'gives a failed creation’s reservation back at once, and never reserves for an idempotent replay',
    async () => {
      const { tenant, auth } = await tenantWithQuota(2, 0, 'give-back');
      const first = newPayment();
      await http().post('/v1/payments').set(auth).set('Idempotency-Key', 'first').send(first).expect(201);

      // Reserved, then refused by the database (the reference is taken): the unit comes back.
      for (let i = 0; i < 3; i += 1) {
        expectApiError(
          await http()
            .post('/v1/payments')
            .set(auth)
            .send(newPayment({ reference: first['reference'] })),
          409,
          'conflict',
        );
      }
      expect(await held(tenant)).toBe(0);
      await http().post('/v1/payments').set(auth).send(newPayment()).expect(201);

      // The quota is used up; a replay of a created payment is still answered, as created.
      expectApiError(await http().post('/v1/payments').set(auth).send(newPayment()), 429, 'quota_exceeded');
      const replay = await http().post('/v1/payments').set(auth).set('Idempotency-Key', 'first').send(first);
      expect(replay.status).toBe(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(await transactions(tenant)).toBe(2);
      expect(await payments(tenant)).toBe(2);
    },
    SLOW_MS,
  );

  it(
    'while Redis is down admits at most the remainder it last knew, and 503 for a tenant it knows nothing of',
    async () => {
      const known = await tenantWithQuota(5, 2, 'outage-known');
      const unknown = await tenantWithQuota(5, 0, 'outage-unknown');
      // What the worker's sync does every 10 s: the restarted Redis below comes back empty.
      await app.get(UsageSyncService).syncAll();
      await redis.stop();
      let answered = 0;
      // Started now, awaited after Redis is back: an admitted payment's answer waits for its enqueue (BullMQ
      // waits for Redis), a refusal does not.
      const creations = Array.from({ length: 8 }, () =>
        http()
          .post('/v1/payments')
          .set(known.auth)
          .send(newPayment())
          .then((response) => {
            answered += 1;
            return response;
          }),
      );
      try {
        const refusal = await http().post('/v1/payments').set(unknown.auth).send(newPayment());
        expectApiError(refusal, 503, 'service_unavailable');
        expect(refusal.headers['retry-after']).toBe('1');
        await waitFor(async () => answered === 5 && (await payments(known.tenant)) === 5, 30_000);
      } finally {
        await redis.restart();
      }
      const responses = await Promise.all(creations);
      expect(responses.filter((response) => response.status === 201)).toHaveLength(3);
      for (const response of responses.filter((response) => response.status !== 201)) {
        expectApiError(response, 429, 'quota_exceeded');
      }
      expect(await payments(known.tenant)).toBe(5);
      expect(await payments(unknown.tenant)).toBe(0);
      // The payments admitted in the outage are counted once Redis is back (the usage buffer replays them).
      await waitFor(async () => (await transactions(known.tenant)) === 5);
    },
    SLOW_MS,
  );
});
