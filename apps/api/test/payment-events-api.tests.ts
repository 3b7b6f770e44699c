import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole } from '@tenantpay/identity';
import { signGatewayPayload } from '@tenantpay/payments';
import { type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import {
  eventually,
  readyHttpApplication,
  TEST_GATEWAY_WEBHOOK_SECRET,
  testAppConfig,
  useTestMongo,
  useTestRedis,
} from '@tenantpay/testing';
import { ObjectId } from 'mongodb';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createApiApplication } from '../src/create-api-application';
import { expectApiError, seedTenant } from './identity-test-app';
import { newPayment, userToken } from './payments-test-app';

/**
 * GET /v1/payments/{id}/events through the real application: the gateway's events that moved a payment and the
 * webhook events its changes published, with their deliveries; the same readers as the payment; never another
 * tenant's. No worker runs: deliveries stay pending, which is what their counts show.
 */
describe('payment events API: GET /v1/payments/{id}/events', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();

  describe('on the real application', () => {
    let app: NestFastifyApplication;
    let bank: TenantSnapshot;
    let otherBank: TenantSnapshot;
    let admin: { Authorization: string };
    let viewer: { Authorization: string };
    let otherAdmin: { Authorization: string };
    const http = () => request(app.getHttpServer());

    beforeAll(async () => {
      app = await readyHttpApplication(
        await createApiApplication(
          testAppConfig({
            MONGODB_URI: mongo.uri,
            REDIS_URL: redis.url,
            WEBHOOK_ALLOWED_HOSTS: 'localhost',
            WEBHOOK_SECRET_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
          }),
        ),
      );
      bank = await seedTenant(app, Tier.Starter);
      otherBank = await seedTenant(app, Tier.Starter);
      admin = (await userToken(app, bank, 'admin@events.test', TenantUserRole.Admin)).auth;
      viewer = (await userToken(app, bank, 'viewer@events.test', TenantUserRole.Viewer)).auth;
      otherAdmin = (await userToken(app, otherBank, 'admin@other-events.test', TenantUserRole.Admin)).auth;
      await http()
        .post('/v1/webhook-endpoints')
        .set(admin)
        .send({ url: 'http://localhost/hooks', events: ['*'] })
        .expect(201);
    }, 60_000);
    afterAll(async () => {
      await app?.close();
    });

    /** A payment the worker would have sent to the gateway (no worker runs here, so the test moves it). */
    async function processingPayment(): Promise<string> {
      const created = await http().post('/v1/payments').set(admin).send(newPayment()).expect(201);
      await mongo.db
        .collection('payments')
        .updateOne({ _id: new ObjectId(created.body.id as string) }, { $set: { status: 'PROCESSING' } });
      return created.body.id as string;
    }
    function deliverGatewayEvent(paymentId: string, eventId: string): request.Test {
      const body = JSON.stringify({
        id: eventId,
        type: 'charge.succeeded',
        data: { tenantId: bank.id, paymentId, gatewayReference: 'ch_events_1' },
      });
      return http()
        .post('/v1/webhooks/gateway')
        .set('Content-Type', 'application/json')
        .set(
          'Gateway-Signature',
          signGatewayPayload(TEST_GATEWAY_WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000)),
        )
        .send(body);
    }
    const eventsOf = (id: string, as = admin) => http().get(`/v1/payments/${id}/events`).set(as);

    it("lists the gateway's event that completed a payment and the webhook event that announced it", async () => {
      const id = await processingPayment();
      await deliverGatewayEvent(id, 'evt_gw_events_1').expect(200);

      let events: { gateway: unknown[]; webhooks: unknown[] } = { gateway: [], webhooks: [] };
      await eventually('the completion to be published', async () => {
        events = (await eventsOf(id).expect(200)).body;
        return events.webhooks.length === 1;
      });
      expect(events.gateway).toEqual([
        {
          id: 'evt_gw_events_1',
          type: 'charge.succeeded',
          receivedAt: expect.any(String),
          processedAt: expect.any(String),
          result: 'applied',
        },
      ]);
      expect(events.webhooks).toEqual([
        {
          id: expect.stringMatching(/^[0-9a-f]{24}$/),
          type: 'payment.completed',
          createdAt: expect.any(String),
          replayCount: 0,
          // The one endpoint subscribed to everything; no worker has attempted it.
          deliveries: { pending: 1, succeeded: 0, failed: 0, canceled: 0 },
        },
      ]);
    });

    it("keeps each payment's events to itself, oldest first, and a viewer reads them as the payment", async () => {
      const first = await http().post('/v1/payments').set(admin).send(newPayment()).expect(201);
      const second = await http().post('/v1/payments').set(admin).send(newPayment()).expect(201);
      await http().post(`/v1/payments/${first.body.id}/cancel`).set(admin).send({}).expect(200);

      let events: { gateway: unknown[]; webhooks: { type: string }[] } = { gateway: [], webhooks: [] };
      await eventually('the cancellation to be published', async () => {
        events = (await eventsOf(first.body.id, viewer).expect(200)).body;
        return events.webhooks.length === 1;
      });
      expect(events.gateway).toEqual([]);
      expect(events.webhooks.map((event) => event.type)).toEqual(['payment.canceled']);
      expect((await eventsOf(second.body.id).expect(200)).body).toEqual({ gateway: [], webhooks: [] });
    });

    it("answers 404 for another tenant's payment and for an unknown id, never their events", async () => {
      const id = await processingPayment();
      await deliverGatewayEvent(id, 'evt_gw_events_2').expect(200);
      expectApiError(await eventsOf(id, otherAdmin), 404, 'not_found');
      expectApiError(await eventsOf(new ObjectId().toHexString()), 404, 'not_found');
      expectApiError(await eventsOf('not-an-id'), 404, 'not_found');
    });

    it('refuses a caller without credentials', async () => {
      const id = await processingPayment();
      expectApiError(
        await http().get(`/v1/payments/${id}/events`).set('Host', `${bank.slug}.tenantpay.test`),
        401,
        'unauthorized',
      );
    });
  });
});
