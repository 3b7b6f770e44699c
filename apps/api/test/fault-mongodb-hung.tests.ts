import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { testAppConfig, useFreezableMongo, useTestRedis, withDefaultMongoTimeouts } from '@tenantpay/testing';
import request from 'supertest';
import { expectApiError } from './identity-test-app';
import { newPayment } from './payments-test-app';
import { startApiWithTenantAdmin } from './support/api-with-tenant-admin';
import { waitFor } from './support/tenancy-test-app';

/**
 * The bound a request may take to fail while MongoDB hangs, with the default timeouts (README, Operations:
 * about 2 s), doubled for a loaded test machine. Before the timeouts, such requests waited 9–30 s.
 */
const HUNG_DATABASE_ANSWER_LIMIT_MS = 4_000;
/** Readiness answers from its last background check, never by asking the hung database while the probe waits. */
const READINESS_ANSWER_LIMIT_MS = 500;

describe('a hung MongoDB (engine SIGSTOPped): requests fail fast, readiness answers, all recovers', () => {
  const mongo = useFreezableMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;
  let admin: { Authorization: string };
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    ({ app, admin } = await startApiWithTenantAdmin(
      withDefaultMongoTimeouts(testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url })),
    ));
  });
  afterAll(async () => {
    mongo.thaw();
    await app?.close();
  });

  it('answers 503 service_unavailable with Retry-After within the bound, then serves again after the thaw', async () => {
    await http().get('/v1/payments').set(admin).expect(200);
    await waitFor(async () => (await http().get('/health/ready')).status === 200);

    mongo.freeze();
    try {
      const list = await http().get('/v1/payments').set(admin).timeout(HUNG_DATABASE_ANSWER_LIMIT_MS);
      expectApiError(list, 503, 'service_unavailable');
      expect(Number(list.headers['retry-after'])).toBeGreaterThan(0);

      const create = await http()
        .post('/v1/payments')
        .set(admin)
        .set('Idempotency-Key', 'while-hung')
        .send(newPayment())
        .timeout(HUNG_DATABASE_ANSWER_LIMIT_MS);
      expectApiError(create, 503, 'service_unavailable');

      // Later requests too, once the driver knows the server is gone (they fail in server selection).
      const again = await http().get('/v1/payments').set(admin).timeout(HUNG_DATABASE_ANSWER_LIMIT_MS);
      expectApiError(again, 503, 'service_unavailable');

      await waitFor(async () => {
        const ready = await http().get('/health/ready').timeout(READINESS_ANSWER_LIMIT_MS);
        return ready.status === 503 && ready.body.details?.[0]?.field === 'mongodb';
      });
    } finally {
      mongo.thaw();
    }

    await waitFor(async () => (await http().get('/health/ready')).status === 200);
    await waitFor(async () => (await http().get('/v1/payments').set(admin)).status === 200);
    await http()
      .post('/v1/payments')
      .set(admin)
      .set('Idempotency-Key', 'after-thaw')
      .send(newPayment())
      .expect(201);
  });

  it('readiness answers within its bound at every probe while the database hangs', async () => {
    mongo.freeze();
    try {
      for (let probe = 0; probe < 5; probe += 1) {
        const ready = await http().get('/health/ready').timeout(READINESS_ANSWER_LIMIT_MS);
        expect([200, 503]).toContain(ready.status);
        await new Promise((resolve) => setTimeout(resolve, 400));
      }
    } finally {
      mongo.thaw();
    }
    await waitFor(async () => (await http().get('/health/ready')).status === 200);
  });
});
