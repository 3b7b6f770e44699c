import { getQueueToken } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import {
  ResolutionMethod,
  TenantAdminService,
  TenantContextService,
  TenantLookupService,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import {
  type ResolvedAddress,
  WEBHOOK_DELIVERY_QUEUE,
  WEBHOOK_DNS_RESOLVER,
  type WebhookDeliveryView,
  WebhookDeliveryLogService,
  type WebhookDnsResolver,
  type WebhookEndpointWithSecret,
  WebhookEndpointsService,
  WebhookEventPublisher,
  WebhookEventReplayService,
  WebhookEventType,
  WEBHOOKS_OPTIONS,
  type WebhooksOptions,
} from '@tenantpay/webhooks';
import { verifyWebhook, type WebhookRequestHeaders } from '@tenantpay/sdk';
import type { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WorkerModule } from '../src/worker.module';

interface ReceivedRequest {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly rawBody: Buffer;
}

type Responder = (request: IncomingMessage, response: ServerResponse) => void;

/** A tenant's receiving server on 127.0.0.1 (allow-listed): records every request, answers per path. */
class ReceivingServer {
  readonly received: ReceivedRequest[] = [];
  private readonly responders = new Map<string, Responder[]>();
  private server!: Server;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        this.received.push({ path, headers: request.headers, rawBody: Buffer.concat(chunks) });
        const queue = this.responders.get(path) ?? [];
        const respond = queue.length > 1 ? queue.shift() : queue[0];
        (respond ?? ((_req, res) => res.writeHead(200).end('ok')))(request, response);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Answers requests to `path` with these responders in turn; the last one repeats. */
  on(path: string, ...responders: Responder[]): void {
    this.responders.set(path, responders);
  }

  at(path: string): ReceivedRequest[] {
    return this.received.filter((request) => request.path === path);
  }

  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** What a receiver decides with the SDK: whether the request is Tenantpay's, as sent. */
function verifies(secret: string, headers: WebhookRequestHeaders, payload: string | Buffer): boolean {
  try {
    verifyWebhook({ payload, headers, secret });
    return true;
  } catch {
    return false;
  }
}

const status =
  (code: number, body = '', headers: Record<string, string> = {}): Responder =>
  (_request, response) =>
    response.writeHead(code, headers).end(body);

class FakeDnsResolver implements WebhookDnsResolver {
  private readonly answers = new Map<string, string[]>();
  readonly lookups: string[] = [];

  set(hostname: string, ...addresses: string[]): void {
    this.answers.set(hostname, addresses);
  }

  async resolve(hostname: string): Promise<ResolvedAddress[]> {
    this.lookups.push(hostname);
    const answer = this.answers.get(hostname);
    if (answer === undefined) throw new Error(`ENOTFOUND ${hostname}`);
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  }
}

const OPTIONS: WebhooksOptions = {
  secretEncryptionKey: randomBytes(32),
  allowedHosts: ['127.0.0.1', 'localhost', 'pinned.example.test'],
  hintAllowedHosts: true,
  retryDelaysMs: [100, 200],
  retryJitter: 0,
  attemptTimeoutMs: 500,
};

describe('webhook delivery (worker)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  // Nested, so the worker closes (afterAll below) before the file's Redis and MongoDB stop.
  describe('end to end', () => {
    const receiver = new ReceivingServer();
    const resolver = new FakeDnsResolver();
    let worker: TestingModule;
    let queue: Queue;
    let tenant: TenantSnapshot;

    beforeAll(async () => {
      await receiver.start();
      @Module({
        imports: [WorkerModule.forRoot(testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }))],
      })
      class WebhooksTestWorkerModule {}
      worker = await Test.createTestingModule({ imports: [WebhooksTestWorkerModule] })
        .overrideProvider(WEBHOOKS_OPTIONS)
        .useValue(OPTIONS)
        .overrideProvider(WEBHOOK_DNS_RESOLVER)
        .useValue(resolver)
        .compile();
      await worker.init();
      queue = worker.get(getQueueToken(WEBHOOK_DELIVERY_QUEUE));
    });
    // A tenant per test: every endpoint of a tenant subscribed to `*` receives every event it publishes.
    beforeEach(async () => {
      tenant = await seedTenant();
    });
    afterAll(async () => {
      await worker.close();
      await receiver.stop();
    });

    async function seedTenant(): Promise<TenantSnapshot> {
      const slug = `w${randomBytes(5).toString('hex')}`;
      const created = await worker
        .get(TenantContextService)
        .runAsPlatform('test setup', () =>
          worker.get(TenantAdminService).create({ slug, name: slug, tier: Tier.Starter }),
        );
      const snapshot = await worker.get(TenantLookupService).findById(created.id);
      if (snapshot === null) throw new Error('tenant missing');
      return snapshot;
    }

    function inTenant<T>(work: () => Promise<T>, as: TenantSnapshot = tenant): Promise<T> {
      return worker
        .get(TenantContextService)
        .run(
          { tenant: as, resolvedBy: ResolutionMethod.Job, principal: null, requestId: 'worker-test' },
          work,
        );
    }

    const createEndpoint = (
      url: string,
      events: string[] = ['*'],
      as: TenantSnapshot = tenant,
    ): Promise<WebhookEndpointWithSecret> =>
      inTenant(
        () => worker.get(WebhookEndpointsService).create({ url, events: events as WebhookEventType[] }),
        as,
      );

    const publish = (
      type: WebhookEventType,
      data: Record<string, unknown> = { paymentId: 'pay_1', amount: 1250, currency: 'EUR' },
      as = tenant,
    ) => inTenant(() => worker.get(WebhookEventPublisher).publish({ type, data }), as);

    const deliveryLog = (endpointId: string, as = tenant) =>
      inTenant(
        async () => (await worker.get(WebhookDeliveryLogService).list(endpointId, { limit: 100 })).data,
        as,
      );

    async function settledDelivery(
      endpointId: string,
      deliveryId: string,
      as = tenant,
    ): Promise<WebhookDeliveryView> {
      let found: WebhookDeliveryView | undefined;
      await waitFor(async () => {
        found = (await deliveryLog(endpointId, as)).find((d) => d.id === deliveryId);
        return found !== undefined && found.status !== 'pending';
      });
      return found as WebhookDeliveryView;
    }

    it("delivers a signed POST that a consumer verifies with the SDK's verifyWebhook", async () => {
      const endpoint = await createEndpoint(receiver.url('/signed'), ['payment.completed']);
      const event = await publish(WebhookEventType.PaymentCompleted);

      const delivery = await settledDelivery(endpoint.id, event.deliveryIds[0] ?? '');
      expect(delivery.status).toBe('succeeded');
      const [received] = receiver.at('/signed');
      expect(received).toBeDefined();
      const { headers, rawBody } = received as ReceivedRequest;

      // Exactly what a receiver does: verify the raw bytes with the secret it was shown once.
      expect(verifies(endpoint.secret, headers, rawBody)).toBe(true);
      expect(verifyWebhook({ payload: rawBody, headers, secret: endpoint.secret }).id).toBe(event.id);
      expect(verifies(`${endpoint.secret}x`, headers, rawBody)).toBe(false);
      expect(headers['content-type']).toBe('application/json');
      expect(headers['tenantpay-webhook-id']).toBe(event.id);
      expect(headers['tenantpay-webhook-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(JSON.parse(rawBody.toString('utf8'))).toEqual({
        id: event.id,
        type: 'payment.completed',
        created: expect.any(Number),
        data: { paymentId: 'pay_1', amount: 1250, currency: 'EUR' },
      });
      expect(delivery.attempts).toEqual([
        expect.objectContaining({
          number: 1,
          responseStatus: 200,
          responseBody: 'ok',
          error: null,
          succeeded: true,
        }),
      ]);
    });

    it('signs with both secrets during a rotation grace period', async () => {
      const endpoint = await createEndpoint(receiver.url('/rotated'));
      const rotated = await inTenant(() =>
        worker.get(WebhookEndpointsService).rotateSecret(endpoint.id, 600),
      );
      const event = await publish(WebhookEventType.PaymentCompleted);
      await settledDelivery(endpoint.id, event.deliveryIds[0] ?? '');
      const [received] = receiver.at('/rotated');
      const { headers, rawBody } = received as ReceivedRequest;
      expect(verifies(rotated.secret, headers, rawBody)).toBe(true);
      expect(verifies(endpoint.secret, headers, rawBody)).toBe(true);
    });

    it('retries a failed attempt on the schedule and succeeds', async () => {
      receiver.on('/flaky', status(503, 'try later'), status(204));
      const endpoint = await createEndpoint(receiver.url('/flaky'));
      const event = await publish(WebhookEventType.PaymentFailed);
      const delivery = await settledDelivery(endpoint.id, event.deliveryIds[0] ?? '');
      expect(delivery.status).toBe('succeeded');
      expect(delivery.attempts).toEqual([
        expect.objectContaining({
          number: 1,
          responseStatus: 503,
          responseBody: 'try later',
          succeeded: false,
        }),
        expect.objectContaining({ number: 2, responseStatus: 204, succeeded: true }),
      ]);
      const [first, second] = receiver.at('/flaky');
      // The same event id each time (receivers dedupe on it); each attempt signed afresh and verifiable.
      expect(first?.headers['tenantpay-webhook-id']).toBe(second?.headers['tenantpay-webhook-id']);
      expect(first?.rawBody.equals(second?.rawBody ?? Buffer.alloc(0))).toBe(true);
      for (const request of [first, second])
        expect(verifies(endpoint.secret, request?.headers ?? {}, request?.rawBody ?? '')).toBe(true);
    });

    it('dead-letters after the last attempt, keeps the failed job inspectable, and a replay delivers it', async () => {
      receiver.on('/down', status(500, 'x'.repeat(5000)));
      const endpoint = await createEndpoint(receiver.url('/down'));
      const event = await publish(WebhookEventType.PaymentRefunded);
      const deliveryId = event.deliveryIds[0] ?? '';

      const delivery = await settledDelivery(endpoint.id, deliveryId);
      expect(delivery.status).toBe('failed');
      expect(delivery.finalReason).toBe('every attempt failed; last: endpoint answered 500');
      expect(delivery.attempts.map((attempt) => attempt.number)).toEqual([1, 2, 3]);
      // The response body is kept, truncated.
      expect(delivery.attempts[0]?.responseBody).toHaveLength(1025);
      expect(delivery.attempts[0]?.responseBody?.endsWith('…')).toBe(true);
      const jobId = `webhook-${event.id}-${endpoint.id}`;
      await waitFor(async () => (await queue.getJobState(jobId)) === 'failed');
      // Read the job once it has failed: a Job is a snapshot, and the delivery record is settled before BullMQ
      // moves the job to failed, so a job read earlier can still show the attempts before the last one.
      const job = await queue.getJob(jobId);
      expect(job?.attemptsMade).toBe(3);

      receiver.on('/down', status(200));
      const replay = await inTenant(() => worker.get(WebhookEventReplayService).replay(event.id));
      const replayed = await settledDelivery(endpoint.id, replay.deliveryIds[0] ?? '');
      expect(replayed).toEqual(
        expect.objectContaining({ status: 'succeeded', replay: 1, eventId: event.id }),
      );
      expect(receiver.at('/down').at(-1)?.headers['tenantpay-webhook-id']).toBe(event.id);
    });

    it('disables the endpoint when it answers 410 Gone, without retrying', async () => {
      receiver.on('/gone', status(410));
      const endpoint = await createEndpoint(receiver.url('/gone'));
      const event = await publish(WebhookEventType.PaymentCanceled);

      const delivery = await settledDelivery(endpoint.id, event.deliveryIds[0] ?? '');
      expect(delivery.status).toBe('failed');
      expect(delivery.finalReason).toBe('endpoint answered 410 Gone; endpoint disabled');
      expect(delivery.attempts).toHaveLength(1);
      const after = await inTenant(() => worker.get(WebhookEndpointsService).get(endpoint.id));
      expect(after).toEqual(expect.objectContaining({ enabled: false, disabledReason: 'endpoint_gone' }));
      expect((await publish(WebhookEventType.PaymentCanceled)).deliveryIds).toEqual([]);
      expect(receiver.at('/gone')).toHaveLength(1);
    });

    it('does not follow redirects: a 3xx is a failed attempt', async () => {
      receiver.on('/moved', status(302, '', { Location: '/elsewhere' }));
      const endpoint = await createEndpoint(receiver.url('/moved'));
      const event = await publish(WebhookEventType.PaymentCompleted);
      const delivery = await settledDelivery(endpoint.id, event.deliveryIds[0] ?? '');
      expect(delivery.status).toBe('failed');
      expect(delivery.attempts.map((attempt) => attempt.responseStatus)).toEqual([302, 302, 302]);
      expect(receiver.at('/elsewhere')).toHaveLength(0);
    });

    it('gives up on an attempt after the timeout', async () => {
      receiver.on('/slow', () => undefined); // never answers
      const endpoint = await createEndpoint(receiver.url('/slow'));
      const event = await publish(WebhookEventType.PaymentCompleted);
      const delivery = await settledDelivery(endpoint.id, event.deliveryIds[0] ?? '');
      expect(delivery.status).toBe('failed');
      expect(delivery.attempts[0]).toEqual(
        expect.objectContaining({ responseStatus: null, error: 'timed out after 500 ms', succeeded: false }),
      );
    });

    it('connects to the address it checked, not to a fresh DNS answer (pinning)', async () => {
      // `.test` names never resolve in real DNS: the request can only arrive through the checked address.
      resolver.set('pinned.example.test', '127.0.0.1');
      const endpoint = await createEndpoint(receiver.url('/pinned', 'pinned.example.test'));
      const event = await publish(WebhookEventType.PaymentCompleted);
      const delivery = await settledDelivery(endpoint.id, event.deliveryIds[0] ?? '');
      expect(delivery.status).toBe('succeeded');
      expect(receiver.at('/pinned')[0]?.headers.host).toBe(`pinned.example.test:${receiver.port}`);
    });

    it('checks the destination again before each attempt (DNS rebinding)', async () => {
      resolver.set('rebind.example.test', '93.184.216.34');
      const endpoint = await createEndpoint('https://rebind.example.test/hook');
      // After registration the attacker's DNS answers with the cloud metadata service.
      resolver.set('rebind.example.test', '169.254.169.254');
      const lookupsBefore = resolver.lookups.length;
      const event = await publish(WebhookEventType.PaymentCompleted);

      const delivery = await settledDelivery(endpoint.id, event.deliveryIds[0] ?? '');
      expect(delivery.status).toBe('failed');
      expect(delivery.attempts).toHaveLength(3);
      for (const attempt of delivery.attempts)
        expect(attempt).toEqual(
          expect.objectContaining({
            responseStatus: null,
            error: 'destination refused: resolves to a non-public address (metadata)',
          }),
        );
      expect(resolver.lookups.slice(lookupsBefore)).toEqual([
        'rebind.example.test',
        'rebind.example.test',
        'rebind.example.test',
      ]);
    });

    it('cancels deliveries to an endpoint deleted before its turn', async () => {
      receiver.on('/deleted', status(500));
      const endpoint = await createEndpoint(receiver.url('/deleted'));
      const event = await publish(WebhookEventType.PaymentCompleted);
      await waitFor(() => receiver.at('/deleted').length >= 1);
      await inTenant(() => worker.get(WebhookEndpointsService).remove(endpoint.id));
      const job = await queue.getJob(`webhook-${event.id}-${endpoint.id}`);
      await waitFor(async () => (await job?.getState()) === 'completed');
      expect(receiver.at('/deleted')).toHaveLength(1);
    });

    it("a job forged with one tenant's id cannot deliver another tenant's delivery", async () => {
      const other = await seedTenant();
      receiver.on('/other', () => undefined); // keep the other tenant's own delivery in flight
      const otherEndpoint = await createEndpoint(receiver.url('/other'), ['*'], other);
      const otherEvent = await publish(WebhookEventType.PaymentCompleted, { secret: 'other' }, other);

      const forged = await queue.add('deliver', {
        tenantId: tenant.id,
        payload: { deliveryId: otherEvent.deliveryIds[0], retryDelaysMs: [] },
      });
      await waitFor(async () => (await forged.getState()) === 'completed');
      const finished = await queue.getJob(forged.id ?? '');
      expect(finished?.returnvalue).toEqual({ outcome: 'skipped', reason: 'delivery not found' });
      expect(otherEndpoint.id).toBeDefined();
    });
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
