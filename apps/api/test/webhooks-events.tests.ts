import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TenantSnapshot } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { WEBHOOK_DELIVERY_QUEUE, WebhookEventPublisher, WebhookEventType } from '@tenantpay/webhooks';
import type { Queue } from 'bullmq';
import { Types } from 'mongoose';
import request from 'supertest';
import { asUser, expectApiError, TEST_CREDENTIAL_HEADER } from './support/tenancy-test-app';
import { createWebhooksTestApp, FakeDnsResolver, inTenant, seedTenant } from './webhooks-test-app';

/**
 * Publishing, event filtering, the delivery log, replay and tenant isolation, through the real API. No
 * worker runs here: deliveries stay pending and their jobs wait in the queue, which is what is checked.
 */
describe('webhook events, delivery log and replay', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  const resolver = new FakeDnsResolver();
  let app: NestFastifyApplication;
  let queue: Queue;
  let tenantA: TenantSnapshot;
  let tenantB: TenantSnapshot;

  beforeAll(async () => {
    app = await createWebhooksTestApp(
      testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }),
      resolver,
    );
    queue = app.get(getQueueToken(WEBHOOK_DELIVERY_QUEUE));
    resolver.set('hooks.example.com', '93.184.216.34');
    tenantA = await seedTenant(app);
    tenantB = await seedTenant(app);
  });
  afterAll(() => app.close());

  const server = () => app.getHttpServer();
  const as = (tenant: TenantSnapshot) => asUser(tenant.id, 'ADMIN');
  async function createEndpoint(
    tenant: TenantSnapshot,
    events: string[],
    path = 'hook',
  ): Promise<{ id: string }> {
    const response = await request(server())
      .post('/v1/webhook-endpoints')
      .set(TEST_CREDENTIAL_HEADER, as(tenant))
      .send({ url: `https://hooks.example.com/${path}`, events });
    expect(response.status).toBe(201);
    return response.body;
  }
  const publish = (
    tenant: TenantSnapshot,
    type: WebhookEventType,
    data: Record<string, unknown> = { amount: 1000 },
  ) => inTenant(app, tenant, () => app.get(WebhookEventPublisher).publish({ type, data }));
  const deliveries = (tenant: TenantSnapshot, endpointId: string, query = '') =>
    request(server())
      .get(`/v1/webhook-endpoints/${endpointId}/deliveries${query}`)
      .set(TEST_CREDENTIAL_HEADER, as(tenant));

  describe('WebhookEventPublisher.publish', () => {
    it('delivers only to enabled endpoints subscribed to the type (or to *)', async () => {
      const tenant = await seedTenant(app);
      const completed = await createEndpoint(tenant, ['payment.completed']);
      const everything = await createEndpoint(tenant, ['*']);
      const failed = await createEndpoint(tenant, ['payment.failed', 'payment.refunded']);
      const disabled = await createEndpoint(tenant, ['payment.completed']);
      await request(server())
        .patch(`/v1/webhook-endpoints/${disabled.id}`)
        .set(TEST_CREDENTIAL_HEADER, as(tenant))
        .send({ enabled: false });

      const event = await publish(tenant, WebhookEventType.PaymentCompleted);
      expect(event.deliveryIds).toHaveLength(2);

      const counts = async (id: string) => (await deliveries(tenant, id)).body.data.length as number;
      expect({
        completed: await counts(completed.id),
        everything: await counts(everything.id),
        failed: await counts(failed.id),
        disabled: await counts(disabled.id),
      }).toEqual({ completed: 1, everything: 1, failed: 0, disabled: 0 });

      const usage = await publish(tenant, WebhookEventType.UsageThresholdReached, {
        metric: 'transactions',
        percent: 80,
      });
      expect(usage.deliveryIds).toHaveLength(1);
      expect(await counts(everything.id)).toBe(2);
    });

    it('queues one job per delivery, its id derived from the event and the endpoint', async () => {
      const tenant = await seedTenant(app);
      const endpoint = await createEndpoint(tenant, ['payment.failed']);
      const event = await publish(tenant, WebhookEventType.PaymentFailed, { failureCode: 'card_declined' });
      const job = await queue.getJob(`webhook-${event.id}-${endpoint.id}`);
      expect(job?.data).toEqual({
        tenantId: tenant.id,
        requestId: 'webhooks-test',
        payload: { deliveryId: event.deliveryIds[0], retryDelaysMs: [100, 200] },
      });
      expect(job?.opts.attempts).toBe(3);
      expect(job?.opts.backoff).toEqual({ type: 'webhook-schedule', jitter: 0 });
    });

    it('stores a body that is exactly { id, type, created, data }', async () => {
      const tenant = await seedTenant(app);
      const endpoint = await createEndpoint(tenant, ['payment.refunded']);
      const before = Math.floor(Date.now() / 1000);
      const event = await publish(tenant, WebhookEventType.PaymentRefunded, {
        paymentId: 'p1',
        refunded: 500,
      });
      const log = await deliveries(tenant, endpoint.id);
      expect(log.body.data[0]).toEqual(
        expect.objectContaining({
          eventId: event.id,
          eventType: 'payment.refunded',
          status: 'pending',
          attempts: [],
          replay: 0,
        }),
      );
      // Read with the test's own client: the application's connection is walled outside a tenant context.
      const stored = await mongo.db
        .collection<{ body: string }>('webhook_events')
        .findOne({ _id: new Types.ObjectId(event.id) });
      const body = JSON.parse(stored?.body ?? '{}');
      expect(Object.keys(body)).toEqual(['id', 'type', 'created', 'data']);
      expect(body).toEqual({
        id: event.id,
        type: 'payment.refunded',
        created: expect.any(Number),
        data: { paymentId: 'p1', refunded: 500 },
      });
      expect(body.created).toBeGreaterThanOrEqual(before);
    });

    it('refuses to publish outside a tenant context', async () => {
      await expect(
        app.get(WebhookEventPublisher).publish({ type: WebhookEventType.PaymentCompleted, data: {} }),
      ).rejects.toThrow();
    });

    it('refuses an event type that does not exist', async () => {
      await expect(
        inTenant(app, tenantA, () =>
          app.get(WebhookEventPublisher).publish({ type: 'payment.exploded' as WebhookEventType, data: {} }),
        ),
      ).rejects.toThrow('Unknown webhook event type');
    });
  });

  describe('GET /v1/webhook-endpoints/:id/deliveries', () => {
    it('lists newest first, pages with starting_after and filters by status', async () => {
      const tenant = await seedTenant(app);
      const endpoint = await createEndpoint(tenant, ['*']);
      const published = [];
      for (let index = 0; index < 5; index += 1)
        published.push(await publish(tenant, WebhookEventType.PaymentCompleted, { index }));
      const newestFirst = published.map((event) => event.id).reverse();

      const first = await deliveries(tenant, endpoint.id, '?limit=2');
      expect(first.body.has_more).toBe(true);
      expect(first.body.data.map((d: { eventId: string }) => d.eventId)).toEqual(newestFirst.slice(0, 2));
      const second = await deliveries(
        tenant,
        endpoint.id,
        `?limit=2&starting_after=${first.body.data[1].id}`,
      );
      expect(second.body.data.map((d: { eventId: string }) => d.eventId)).toEqual(newestFirst.slice(2, 4));
      const last = await deliveries(tenant, endpoint.id, `?limit=2&starting_after=${second.body.data[1].id}`);
      expect(last.body).toEqual({
        object: 'list',
        data: [expect.objectContaining({ eventId: newestFirst[4] })],
        has_more: false,
      });

      expect((await deliveries(tenant, endpoint.id, '?status=pending')).body.data).toHaveLength(5);
      expect((await deliveries(tenant, endpoint.id, '?status=succeeded')).body.data).toHaveLength(0);
      expectApiError(await deliveries(tenant, endpoint.id, '?status=lost'), 400, 'validation_error');
      expectApiError(await deliveries(tenant, endpoint.id, '?limit=101'), 400, 'validation_error');
    });
  });

  describe('POST /v1/webhook-events/:eventId/replay', () => {
    const replay = (tenant: TenantSnapshot, eventId: string, body: object = {}) =>
      request(server())
        .post(`/v1/webhook-events/${eventId}/replay`)
        .set(TEST_CREDENTIAL_HEADER, as(tenant))
        .send(body);

    it('sends the same event again as a new delivery, with its own job, each time it is asked', async () => {
      const tenant = await seedTenant(app);
      const endpoint = await createEndpoint(tenant, ['payment.completed']);
      const event = await publish(tenant, WebhookEventType.PaymentCompleted);

      const first = await replay(tenant, event.id);
      expect(first.status).toBe(202);
      expect(first.body).toEqual({
        id: event.id,
        type: 'payment.completed',
        deliveryIds: [expect.any(String)],
      });
      expect(first.body.deliveryIds[0]).not.toBe(event.deliveryIds[0]);
      const second = await replay(tenant, event.id);
      expect(second.body.deliveryIds[0]).not.toBe(first.body.deliveryIds[0]);

      expect(await queue.getJob(`webhook-${event.id}-${endpoint.id}-replay-1`)).toBeDefined();
      expect(await queue.getJob(`webhook-${event.id}-${endpoint.id}-replay-2`)).toBeDefined();
      const log = await deliveries(tenant, endpoint.id);
      expect(log.body.data.map((d: { replay: number; eventId: string }) => [d.eventId, d.replay])).toEqual([
        [event.id, 2],
        [event.id, 1],
        [event.id, 0],
      ]);
    });

    it('replays to one named endpoint, even one no longer subscribed to the type', async () => {
      const tenant = await seedTenant(app);
      const a = await createEndpoint(tenant, ['payment.completed'], 'a');
      const b = await createEndpoint(tenant, ['payment.completed'], 'b');
      const event = await publish(tenant, WebhookEventType.PaymentCompleted);
      await request(server())
        .patch(`/v1/webhook-endpoints/${b.id}`)
        .set(TEST_CREDENTIAL_HEADER, as(tenant))
        .send({ events: ['usage.threshold_reached'] });

      const replayed = await replay(tenant, event.id, { endpointId: b.id });
      expect(replayed.status).toBe(202);
      expect(replayed.body.deliveryIds).toHaveLength(1);
      expect((await deliveries(tenant, b.id)).body.data).toHaveLength(2);
      expect((await deliveries(tenant, a.id)).body.data).toHaveLength(1);
    });

    it('refuses to replay to a disabled endpoint', async () => {
      const tenant = await seedTenant(app);
      const endpoint = await createEndpoint(tenant, ['payment.completed']);
      const event = await publish(tenant, WebhookEventType.PaymentCompleted);
      await request(server())
        .patch(`/v1/webhook-endpoints/${endpoint.id}`)
        .set(TEST_CREDENTIAL_HEADER, as(tenant))
        .send({ enabled: false });
      expectApiError(await replay(tenant, event.id, { endpointId: endpoint.id }), 409, 'conflict');
    });

    it('answers 404 for an unknown or malformed event id, and refuses a malformed endpoint id', async () => {
      expectApiError(await replay(tenantA, '0123456789abcdef01234567'), 404, 'not_found');
      expectApiError(await replay(tenantA, 'nope'), 404, 'not_found');
      const event = await publish(tenantA, WebhookEventType.PaymentCompleted);
      expectApiError(await replay(tenantA, event.id, { endpointId: { $ne: null } }), 400, 'validation_error');
    });

    it('is for admins only', async () => {
      const event = await publish(tenantA, WebhookEventType.PaymentCompleted);
      const response = await request(server())
        .post(`/v1/webhook-events/${event.id}/replay`)
        .set(TEST_CREDENTIAL_HEADER, asUser(tenantA.id, 'VIEWER'))
        .send({});
      expectApiError(response, 403, 'forbidden');
    });
  });

  describe('tenant isolation', () => {
    it("never shows or touches another tenant's endpoints, deliveries or events", async () => {
      // Identical set-ups in both tenants, so a leak cannot hide behind different data.
      const endpointA = await createEndpoint(tenantA, ['*'], 'same');
      const endpointB = await createEndpoint(tenantB, ['*'], 'same');
      const eventA = await publish(tenantA, WebhookEventType.PaymentCompleted, { same: true });
      const eventB = await publish(tenantB, WebhookEventType.PaymentCompleted, { same: true });
      const missing = '0123456789abcdef01234567';

      const listedA = await request(server())
        .get('/v1/webhook-endpoints')
        .set(TEST_CREDENTIAL_HEADER, as(tenantA));
      const idsA = listedA.body.data.map((e: { id: string }) => e.id);
      expect(idsA).toContain(endpointA.id);
      expect(idsA).not.toContain(endpointB.id);

      // Each of A's attempts on B's endpoint answers exactly like a missing endpoint.
      for (const id of [endpointB.id, missing]) {
        const path = `/v1/webhook-endpoints/${id}`;
        const attempts = [
          request(server()).get(path),
          request(server())
            .patch(path)
            .send({ events: ['payment.failed'] }),
          request(server()).post(`${path}/rotate-secret`).send({}),
          request(server()).get(`${path}/deliveries`),
          request(server()).delete(path),
        ];
        for (const attempt of attempts) {
          const response = await attempt.set(TEST_CREDENTIAL_HEADER, as(tenantA));
          expectApiError(response, 404, 'not_found');
          expect(response.body.message).toBe('Webhook endpoint not found.');
        }
      }
      expectApiError(await replay(tenantA, eventB.id), 404, 'not_found');
      expectApiError(await replay(tenantA, eventA.id, { endpointId: endpointB.id }), 404, 'not_found');

      // B's endpoint and log are untouched by all of that.
      const endpointBNow = await request(server())
        .get(`/v1/webhook-endpoints/${endpointB.id}`)
        .set(TEST_CREDENTIAL_HEADER, as(tenantB));
      expect(endpointBNow.body).toEqual(expect.objectContaining({ events: ['*'], enabled: true }));
      const logB = await deliveries(tenantB, endpointB.id);
      expect(logB.body.data.map((d: { eventId: string }) => d.eventId)).toEqual([eventB.id]);
      const logA = await deliveries(tenantA, endpointA.id);
      expect(logA.body.data.map((d: { eventId: string }) => d.eventId)).not.toContain(eventB.id);
    });

    it("publishes only to the publishing tenant's endpoints", async () => {
      const tenantC = await seedTenant(app);
      const tenantD = await seedTenant(app);
      const endpointD = await createEndpoint(tenantD, ['*']);
      const event = await publish(tenantC, WebhookEventType.PaymentCompleted);
      expect(event.deliveryIds).toEqual([]);
      expect((await deliveries(tenantD, endpointD.id)).body.data).toEqual([]);
    });

    function replay(tenant: TenantSnapshot, eventId: string, body: object = {}) {
      return request(server())
        .post(`/v1/webhook-events/${eventId}/replay`)
        .set(TEST_CREDENTIAL_HEADER, as(tenant))
        .send(body);
    }
  });
});
