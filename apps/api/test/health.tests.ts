import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  testAppConfig,
  useTestMongo,
  useTestRedis,
  useUnreachableMongo,
  readyHttpApplication,
} from '@tenantpay/testing';
import { createRedisClient, type RedisClient, redisMasters } from '@tenantpay/platform';
import request from 'supertest';
import { createApiApplication } from '../src/create-api-application';

describe('health probes', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createApiApplication(testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }));
    await readyHttpApplication(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('GET /health/live answers 200', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
  });

  it('GET /health/ready answers 200 when MongoDB and Redis answer', async () => {
    const response = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.info).toMatchObject({ mongodb: { status: 'up' }, redis: { status: 'up' } });
  });

  it("GET /health/ready reports the worker's queue depth per queue and state", async () => {
    const response = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(response.body.details.queues).toMatchObject({
      status: 'up',
      payments: { waiting: 0, active: 0, delayed: 0, failed: 0 },
    });
  });

  it('GET /health/ready answers 503 naming Redis while Redis is stopped, and recovers', async () => {
    await redis.stop();
    // Readiness answers from a check made every second in the background: the outage shows within one.
    const down = await waitForStatus(app, 503);
    expect(down.body.error).toBe('not_ready');
    expect(down.body.details).toEqual([expect.objectContaining({ field: 'redis', issue: 'down' })]);
    expect(down.body.message).toContain('redis');
    expect(down.body.message).not.toContain('mongodb');
    // Liveness does not depend on Redis: the process is fine, only a dependency is not.
    await request(app.getHttpServer()).get('/health/live').expect(200);

    await redis.restart();
    await waitFor(async () => (await request(app.getHttpServer()).get('/health/ready')).status === 200);
  });

  it('GET /health/ready answers 503 naming Redis while Redis may evict keys, and recovers', async () => {
    const admin = createRedisClient(redis.topology, 'health-spec-admin');
    await admin.connect();
    const masters = await connectedMasters(admin);
    try {
      for (const master of masters) await master.config('SET', 'maxmemory-policy', 'allkeys-lru');
      const down = await waitForStatus(app, 503);
      expect(down.body.details).toEqual([
        expect.objectContaining({
          field: 'redis',
          issue: 'down',
          message: expect.stringContaining('maxmemory-policy is allkeys-lru'),
        }),
      ]);
      for (const master of masters) await master.config('SET', 'maxmemory-policy', 'noeviction');
      await waitFor(async () => (await request(app.getHttpServer()).get('/health/ready')).status === 200);
    } finally {
      for (const master of masters) await master.config('SET', 'maxmemory-policy', 'noeviction');
      admin.disconnect();
    }
  });
});

describe('health probes while MongoDB is unreachable', () => {
  const mongo = useUnreachableMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createApiApplication(testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }));
    await readyHttpApplication(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('GET /health/ready answers 503 naming MongoDB within a check interval, and recovers without a restart', async () => {
    await request(app.getHttpServer()).get('/health/ready').expect(200);
    await mongo.suspend();
    // The background check asks the server (a ping with its own timeout) rather than trusting the connection
    // state, every second.
    const down = await waitForStatus(app, 503);
    expect(down.body.details).toEqual([expect.objectContaining({ field: 'mongodb', issue: 'down' })]);
    // A request that needs MongoDB meanwhile gets a 503 it may retry, not a 500.
    const unavailable = await request(app.getHttpServer())
      .get('/v1/branding')
      .set('X-Tenant-ID', 'bank-never-cached')
      .expect(503);
    expect(unavailable.body).toMatchObject({ error: 'service_unavailable' });
    expect(unavailable.headers['retry-after']).toBe('5');

    await mongo.resume();
    await waitFor(async () => (await request(app.getHttpServer()).get('/health/ready')).status === 200);
  });
});

/** Every master of the test's Redis (one, or a cluster's, once the client knows them). */
async function connectedMasters(client: RedisClient) {
  await waitFor(async () => redisMasters(client).length > 0);
  return redisMasters(client);
}

async function waitForStatus(app: NestFastifyApplication, status: number) {
  let response: request.Response | undefined;
  await waitFor(async () => {
    response = await request(app.getHttpServer()).get('/health/ready');
    return response.status === status;
  });
  if (response === undefined) throw new Error('no readiness answer');
  return response;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
