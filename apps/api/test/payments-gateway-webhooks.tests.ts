import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole } from '@tenantpay/identity';
import { PAYMENTS_QUEUE, signGatewayPayload } from '@tenantpay/payments';
import { redisConnectionOptions } from '@tenantpay/platform';
import { type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { TEST_GATEWAY_WEBHOOK_SECRET, testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { ObjectId } from 'mongodb';
import request from 'supertest';
import { expectApiError, PASSWORD, seedPlatformUser, seedTenant } from './identity-test-app';
import { createPaymentsTestApp, newPayment, RecordingPorts, userToken } from './payments-test-app';

describe('payments API: gateway webhooks, concurrent transitions, dead letters', () => {
  // Before useTestRedis: Jest runs afterAll hooks in declaration order; close while Redis is still up.
  afterAll(async () => {
    await app?.close();
  });
  const mongo = useTestMongo();
  const redis = useTestRedis();
  const ports = new RecordingPorts();
  let app: NestFastifyApplication;
  let tenant: TenantSnapshot;
  let admin: { Authorization: string };
  const http = () => request(app.getHttpServer());
  const payments = () => mongo.db.collection('payments');

  beforeAll(async () => {
    app = await createPaymentsTestApp(testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }), ports);
    tenant = await seedTenant(app, Tier.Starter);
    admin = (await userToken(app, tenant, 'admin@g.test', TenantUserRole.Admin)).auth;
  });

  /** A payment the worker has taken (no worker runs in this file, so the test moves it as the worker would). */
  async function processingPayment(): Promise<string> {
    const created = await http().post('/v1/payments').set(admin).send(newPayment()).expect(201);
    await payments().updateOne(
      { _id: new ObjectId(created.body.id as string) },
      { $set: { status: 'PROCESSING' } },
    );
    return created.body.id as string;
  }

  const gatewayEvent = (paymentId: string, overrides: Record<string, unknown> = {}) => ({
    id: `evt_gw_${new ObjectId().toHexString()}`,
    type: 'charge.succeeded',
    data: { tenantId: tenant.id, paymentId, gatewayReference: 'ch_gw_1' },
    ...overrides,
  });
  const deliver = (body: string, signature?: string) => {
    const call = http().post('/v1/webhooks/gateway').set('Content-Type', 'application/json');
    return (signature === undefined ? call : call.set('Gateway-Signature', signature)).send(body);
  };
  const signed = (body: string, at = Math.floor(Date.now() / 1000)) =>
    signGatewayPayload(TEST_GATEWAY_WEBHOOK_SECRET, body, at);

  describe('POST /v1/webhooks/gateway', () => {
    it('verifies the HMAC over the raw bytes, stores the event, settles the payment, then acknowledges', async () => {
      const id = await processingPayment();
      // Whitespace and key order the API would never produce itself: only the raw bytes can verify this.
      const body = `{ "type":"charge.succeeded",  "id":"evt_gw_ok", "data":{"paymentId":"${id}","tenantId":"${tenant.id}","gatewayReference":"ch_gw_ok"}}`;
      const response = await deliver(body, signed(body)).expect(200);
      expect(response.body).toEqual({ received: true, result: 'applied' });
      const stored = await mongo.db.collection('gateway_events').findOne({ eventId: 'evt_gw_ok' });
      expect(stored).toEqual(
        expect.objectContaining({ paymentId: id, result: 'applied', processedAt: expect.any(Date) }),
      );
      expect(stored?.['tenantId'].toHexString()).toBe(tenant.id);
      const payment = await http().get(`/v1/payments/${id}`).set(admin).expect(200);
      expect(payment.body).toEqual(
        expect.objectContaining({ status: 'COMPLETED', gatewayReference: 'ch_gw_ok' }),
      );
      expect(ports.events).toContainEqual(
        expect.objectContaining({ type: 'payment.completed', id: `evt_${id}_completed` }),
      );
    });

    it('is idempotent: a redelivered event changes nothing and is acknowledged again', async () => {
      const id = await processingPayment();
      const body = JSON.stringify(gatewayEvent(id, { id: 'evt_gw_twice', type: 'charge.failed' }));
      await deliver(body, signed(body)).expect(200);
      const again = await deliver(body, signed(body)).expect(200);
      expect(again.body).toEqual({ received: true, result: 'applied' });
      expect(await mongo.db.collection('gateway_events').countDocuments({ eventId: 'evt_gw_twice' })).toBe(1);
      const payment = await http().get(`/v1/payments/${id}`).set(admin).expect(200);
      expect(payment.body.status).toBe('FAILED');
      expect(payment.body.statusHistory.map((c: { to: string }) => c.to)).toEqual(['PENDING', 'FAILED']);
    });

    it('ignores an event for a payment that is not being processed', async () => {
      const created = await http().post('/v1/payments').set(admin).send(newPayment()).expect(201);
      const body = JSON.stringify(gatewayEvent(created.body.id));
      expect((await deliver(body, signed(body)).expect(200)).body.result).toBe('ignored_in_pending');
    });

    it.each([
      ['no signature', (body: string) => [body, undefined]],
      [
        'a signature with another secret',
        (body: string) => [body, signGatewayPayload('x'.repeat(40), body, Math.floor(Date.now() / 1000))],
      ],
      [
        'a tampered body',
        (body: string) => [
          body.replace('ch_gw_1', 'ch_gw_2'),
          signGatewayPayload(TEST_GATEWAY_WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000)),
        ],
      ],
      [
        'a timestamp outside the tolerance',
        (body: string) => [
          body,
          signGatewayPayload(TEST_GATEWAY_WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000) - 301),
        ],
      ],
    ] as const)('refuses %s with 401 and stores nothing', async (_name, forge) => {
      const id = await processingPayment();
      const before = await mongo.db.collection('gateway_events').countDocuments();
      const [body, signature] = forge(JSON.stringify(gatewayEvent(id))) as [string, string | undefined];
      expectApiError(await deliver(body, signature), 401, 'unauthorized');
      expect(await mongo.db.collection('gateway_events').countDocuments()).toBe(before);
      expect((await http().get(`/v1/payments/${id}`).set(admin).expect(200)).body.status).toBe('PROCESSING');
    });

    it('refuses a signed body that is not a gateway event', async () => {
      const body = JSON.stringify({
        id: 'evt_x',
        type: 'charge.succeeded',
        data: { tenantId: { $ne: null } },
      });
      expectApiError(await deliver(body, signed(body)), 400, 'validation_error');
    });
  });

  describe('concurrent transitions', () => {
    it('of ten concurrent cancels exactly one wins; the others get 409 conflict', async () => {
      const created = await http().post('/v1/payments').set(admin).send(newPayment()).expect(201);
      const responses = await Promise.all(
        Array.from({ length: 10 }, () =>
          http().post(`/v1/payments/${created.body.id}/cancel`).set(admin).send({}),
        ),
      );
      expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
      for (const lost of responses.filter((r) => r.status !== 200)) expectApiError(lost, 409, 'conflict');
      const payment = await http().get(`/v1/payments/${created.body.id}`).set(admin).expect(200);
      expect(payment.body.statusHistory.map((c: { to: string }) => c.to)).toEqual(['PENDING', 'CANCELED']);
    });

    it('a cancel racing the gateway webhook of a PROCESSING payment loses; the webhook settles it', async () => {
      const id = await processingPayment();
      const body = JSON.stringify(gatewayEvent(id));
      const [cancel, webhook] = await Promise.all([
        http().post(`/v1/payments/${id}/cancel`).set(admin).send({}),
        deliver(body, signed(body)),
      ]);
      expectApiError(cancel, 409, 'conflict');
      expect(webhook.status).toBe(200);
      expect((await http().get(`/v1/payments/${id}`).set(admin).expect(200)).body.status).toBe('COMPLETED');
    });
  });

  describe('dead letters (super-admin)', () => {
    it('lists failed payment jobs and replays one; tenant users are refused', async () => {
      const queue = new Queue(PAYMENTS_QUEUE, { connection: redisConnectionOptions(redis.url) });
      try {
        const id = await processingPayment();
        await queue.add(
          'process-payment',
          { tenantId: tenant.id, payload: { paymentId: id } },
          { jobId: `payment-dead-${id}` },
        );
        // No worker runs in this file: move the job to the failed set as a worker does after the last attempt.
        const direct = new Redis(redis.url);
        await direct.zadd(`bull:${PAYMENTS_QUEUE}:failed`, Date.now(), `payment-dead-${id}`);
        await direct.lrem(`bull:${PAYMENTS_QUEUE}:wait`, 0, `payment-dead-${id}`);
        direct.disconnect();

        await seedPlatformUser(app, 'root@platform.test');
        const login = await http()
          .post('/v1/platform/auth/login')
          .send({ email: 'root@platform.test', password: PASSWORD })
          .expect(200);
        const root = { Authorization: `Bearer ${login.body.accessToken as string}` };

        const listed = await http().get('/v1/admin/payments/dead-letters').set(root).expect(200);
        expect(listed.body.data).toContainEqual(
          expect.objectContaining({ jobId: `payment-dead-${id}`, tenantId: tenant.id, paymentId: id }),
        );
        expect(listed.body).toMatchObject({ object: 'list', has_more: false });
        // The cursor is a job id of the set: the page after the only letter is empty, an unknown job is a 404.
        const after = await http()
          .get(`/v1/admin/payments/dead-letters?limit=1&starting_after=payment-dead-${id}`)
          .set(root)
          .expect(200);
        expect(after.body).toEqual({ object: 'list', data: [], has_more: false });
        expectApiError(
          await http().get('/v1/admin/payments/dead-letters?starting_after=nope').set(root),
          404,
          'not_found',
        );
        expectApiError(await http().get('/v1/admin/payments/dead-letters').set(admin), 403, 'forbidden');

        await http().post(`/v1/admin/payments/dead-letters/payment-dead-${id}/replay`).set(root).expect(200);
        expect(await (await queue.getJob(`payment-dead-${id}`))?.getState()).toBe('waiting');
        expectApiError(
          await http().post('/v1/admin/payments/dead-letters/nope/replay').set(root),
          404,
          'not_found',
        );
      } finally {
        await queue.close();
      }
    });
  });
});
