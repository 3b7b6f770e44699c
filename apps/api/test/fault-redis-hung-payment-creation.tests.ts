import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import request from 'supertest';
import { newPayment } from './payments-test-app';
import { startApiWithTenantAdmin } from './support/api-with-tenant-admin';

/** How long Redis stays frozen: longer than any answer the budget allows, so a late answer cannot hide. */
const REDIS_FROZEN_MS = 6_000;
/**
 * PAYMENTS_REDIS_BUDGET_MS (300 ms) per Redis step plus the rate limiter's 75 ms, with room for a loaded test
 * machine. Before the budget, a creation waited for the enqueue until Redis answered again (p50 4.1 s in a 5 s
 * stop).
 */
const CREATION_ANSWER_LIMIT_MS = 2_500;

describe('a hung Redis (redis-server SIGSTOPped) during payment creation', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;
  let admin: { Authorization: string };
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    // ENTERPRISE: no monthly quota, so the creation's Redis steps are the ones after the commit.
    ({ app, admin } = await startApiWithTenantAdmin(
      testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url, PAYMENTS_REDIS_BUDGET_MS: '300' }),
    ));
  });
  afterAll(async () => {
    redis.thaw();
    await app?.close();
  });

  it('answers within the Redis budget while Redis hangs: the payment exists, its metering and enqueue finish later', async () => {
    await http()
      .post('/v1/payments')
      .set(admin)
      .set('Idempotency-Key', 'warm-up')
      .send(newPayment())
      .expect(201);

    redis.freeze();
    const thawed = new Promise<void>((resolve) =>
      setTimeout(() => {
        redis.thaw();
        resolve();
      }, REDIS_FROZEN_MS),
    );
    const body = newPayment({ reference: 'REDIS-HUNG-1' });
    try {
      const created = await http()
        .post('/v1/payments')
        .set(admin)
        .set('Idempotency-Key', 'while-redis-hung')
        .send(body)
        .timeout(CREATION_ANSWER_LIMIT_MS)
        .expect(201);
      expect(created.body).toMatchObject({ reference: 'REDIS-HUNG-1', status: 'PENDING' });
      await expect(
        mongo.db.collection('payments').countDocuments({ reference: 'REDIS-HUNG-1' }),
      ).resolves.toBe(1);
    } finally {
      await thawed;
    }
    // The replay after the thaw is the stored answer, and its enqueue (idempotent job id) goes through.
    const replay = await http()
      .post('/v1/payments')
      .set(admin)
      .set('Idempotency-Key', 'while-redis-hung')
      .send(body)
      .expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });
});
