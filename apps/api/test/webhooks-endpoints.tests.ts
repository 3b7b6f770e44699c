import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import type { TenantSnapshot } from '@tenantpay/tenancy';
import { WebhookEndpointsService, WEBHOOK_ENDPOINTS_PER_TENANT_MAX } from '@tenantpay/webhooks';
import request from 'supertest';
import { asApiKey, asUser, expectApiError, TEST_CREDENTIAL_HEADER } from './support/tenancy-test-app';
import {
  createWebhooksTestApp,
  FakeDnsResolver,
  inTenant,
  seedTenant,
  testWebhooksOptions,
} from './webhooks-test-app';

const BASE = '/v1/webhook-endpoints';
const PUBLIC_IP = '93.184.216.34';

describe('/v1/webhook-endpoints', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  const resolver = new FakeDnsResolver();
  let app: NestFastifyApplication;
  let tenant: TenantSnapshot;

  beforeAll(async () => {
    app = await createWebhooksTestApp(
      testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }),
      resolver,
    );
    tenant = await seedTenant(app);
    resolver.set('hooks.example.com', PUBLIC_IP);
    resolver.set('localhost', '127.0.0.1', '::1');
  });
  afterAll(() => app.close());

  const admin = () => asUser(tenant.id, 'ADMIN');
  const create = (body: object, credential = admin()) =>
    request(app.getHttpServer()).post(BASE).set(TEST_CREDENTIAL_HEADER, credential).send(body);

  describe('POST', () => {
    it('registers an endpoint and shows its secret once', async () => {
      const created = await create({
        url: 'https://hooks.example.com/tenantpay',
        events: ['payment.completed'],
        description: 'ERP',
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^[0-9a-f]{24}$/),
          url: 'https://hooks.example.com/tenantpay',
          events: ['payment.completed'],
          description: 'ERP',
          enabled: true,
          disabledReason: null,
          secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
        }),
      );
      const secret = created.body.secret as string;

      const fetched = await request(app.getHttpServer())
        .get(`${BASE}/${created.body.id}`)
        .set(TEST_CREDENTIAL_HEADER, admin());
      expect(fetched.status).toBe(200);
      expect(JSON.stringify(fetched.body)).not.toContain(secret);
      expect(fetched.body).not.toHaveProperty('secret');
      expect(fetched.body).not.toHaveProperty('secretCiphertext');
      const listed = await request(app.getHttpServer()).get(BASE).set(TEST_CREDENTIAL_HEADER, admin());
      expect(JSON.stringify(listed.body)).not.toContain(secret);

      // At rest the secret is encrypted, and the stored form does not reveal it.
      // Read with the test's own client: the application's connection is walled outside a tenant context.
      const stored = await mongo.db.collection('webhook_endpoints').findOne({});
      expect(JSON.stringify(stored)).not.toContain(secret.slice(6));
      expect(stored?.['secretCiphertext']).toMatch(/^v1\./);
      // …and the service can still recover it to sign.
      const endpoint = await inTenant(app, tenant, () =>
        app.get(WebhookEndpointsService).existing(created.body.id),
      );
      expect(inTenantSync(() => app.get(WebhookEndpointsService).signingSecrets(endpoint))).toEqual([secret]);
    });

    it('accepts `*` for every event type', async () => {
      const created = await create({ url: 'https://hooks.example.com/all', events: ['*'] });
      expect(created.status).toBe(201);
      expect(created.body.events).toEqual(['*']);
    });

    it.each<[object, string]>([
      [{ url: 'https://hooks.example.com', events: ['payment.exploded'] }, 'unknown event type'],
      [{ url: 'https://hooks.example.com', events: [] }, 'no event types'],
      [{ url: 'https://hooks.example.com' }, 'missing events'],
      [{ events: ['payment.completed'] }, 'missing url'],
      [{ url: 'https://hooks.example.com', events: ['*'], tenantId: 'x' }, 'an unknown field'],
    ])('refuses %j (%s)', async (body) => {
      expectApiError(await create(body), 400, 'validation_error');
    });

    it.each([
      ['http://hooks.example.com/', 'must be an https URL'],
      ['ftp://hooks.example.com/', 'must be an https URL'],
      ['not a url', 'must be an absolute http(s) URL'],
      ['https://user:pass@hooks.example.com/', 'must not contain a user name or password'],
      ['https://hooks.example.com/#frag', 'must not contain a fragment'],
      [`https://hooks.example.com/${'a'.repeat(2100)}`, 'shorter than or equal to 2048'],
    ])('refuses the URL %.60s', async (url, issue) => {
      const response = await create({ url, events: ['*'] });
      expectApiError(response, 400, 'validation_error');
      expect(JSON.stringify(response.body.details)).toContain(issue);
    });

    it('accepts plain http for an allow-listed host (tests, local development)', async () => {
      expect((await create({ url: 'http://127.0.0.1:9/hook', events: ['*'] })).status).toBe(201);
      expect((await create({ url: 'http://localhost:9/hook', events: ['*'] })).status).toBe(201);
    });
  });

  describe('SSRF protection at registration', () => {
    it.each([
      ['https://10.0.0.1/', 'private'],
      ['https://172.16.5.4/', 'private'],
      ['https://192.168.1.10/', 'private'],
      ['https://127.0.0.2/', 'loopback'],
      ['https://[::1]/', 'loopback'],
      ['https://0.0.0.0/', 'unspecified'],
      ['https://169.254.10.10/', 'link_local'],
      ['https://[fe80::1]/', 'link_local'],
      ['https://100.64.1.1/', 'shared_address_space'],
      ['https://224.0.0.251/', 'multicast'],
      ['https://[ff02::1]/', 'multicast'],
      ['https://[fd00::1]/', 'unique_local'],
      ['https://[::ffff:10.0.0.1]/', 'private'],
      ['https://[::ffff:127.0.0.1]/', 'loopback'],
      ['https://169.254.169.254/latest/meta-data/', 'metadata'],
      ['https://[fd00:ec2::254]/', 'metadata'],
      // 127.0.0.1 itself is allow-listed in these tests; its neighbours are not.
      ['https://2130706434/', 'loopback'], // 127.0.0.2 as one decimal number
      ['https://0x7f.0.0.2/', 'loopback'],
    ])('refuses %s (%s)', async (url, addressClass) => {
      const response = await create({ url, events: ['*'] });
      expectApiError(response, 400, 'validation_error');
      expect(response.body.details).toEqual([
        {
          field: 'url',
          param: 'url',
          issue: `resolves to a non-public address (${addressClass})`,
          // Outside production the refusal says how a developer allows their own machine.
          hint: expect.stringContaining('WEBHOOK_ALLOWED_HOSTS'),
        },
      ]);
    });

    it('refuses a host name that resolves to a private address', async () => {
      resolver.set('internal.example.com', '10.1.2.3');
      const response = await create({ url: 'https://internal.example.com/hook', events: ['*'] });
      expectApiError(response, 400, 'validation_error');
      expect(response.body.details[0].issue).toBe('resolves to a non-public address (private)');
    });

    it('refuses a host name with one private answer among public ones', async () => {
      resolver.set('mixed.example.com', PUBLIC_IP, '2606:4700::1', '10.0.0.1');
      expectApiError(
        await create({ url: 'https://mixed.example.com/', events: ['*'] }),
        400,
        'validation_error',
      );
    });

    it('refuses a host name that does not resolve', async () => {
      const response = await create({ url: 'https://nowhere.example.com/', events: ['*'] });
      expect(response.body.details).toEqual([{ field: 'url', param: 'url', issue: 'host does not resolve' }]);
    });

    it('checks a changed URL again', async () => {
      const created = await create({ url: 'https://hooks.example.com/a', events: ['*'] });
      const response = await request(app.getHttpServer())
        .patch(`${BASE}/${created.body.id}`)
        .set(TEST_CREDENTIAL_HEADER, admin())
        .send({ url: 'https://169.254.169.254/' });
      expectApiError(response, 400, 'validation_error');
      const unchanged = await request(app.getHttpServer())
        .get(`${BASE}/${created.body.id}`)
        .set(TEST_CREDENTIAL_HEADER, admin());
      expect(unchanged.body.url).toBe('https://hooks.example.com/a');
    });
  });

  describe('PATCH, DELETE, rotate-secret', () => {
    it('changes events and description, disables and re-enables', async () => {
      const { body: created } = await create({
        url: 'https://hooks.example.com/p',
        events: ['payment.completed'],
      });
      const path = `${BASE}/${created.id}`;
      const patch = (body: object) =>
        request(app.getHttpServer()).patch(path).set(TEST_CREDENTIAL_HEADER, admin()).send(body);

      const changed = await patch({
        events: ['payment.failed', 'usage.threshold_reached'],
        description: 'ops',
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toEqual(
        expect.objectContaining({
          events: ['payment.failed', 'usage.threshold_reached'],
          description: 'ops',
        }),
      );

      const disabled = await patch({ enabled: false });
      expect(disabled.body).toEqual(
        expect.objectContaining({ enabled: false, disabledReason: 'manual', disabledAt: expect.any(String) }),
      );
      const enabled = await patch({ enabled: true });
      expect(enabled.body).toEqual(
        expect.objectContaining({ enabled: true, disabledReason: null, disabledAt: null }),
      );
      expectApiError(await patch({ secretCiphertext: 'v1.x.y.z' }), 400, 'validation_error');
    });

    it('deletes: the endpoint is gone from get, list and deliveries', async () => {
      const { body: created } = await create({ url: 'https://hooks.example.com/d', events: ['*'] });
      const server = app.getHttpServer();
      expect(
        (await request(server).delete(`${BASE}/${created.id}`).set(TEST_CREDENTIAL_HEADER, admin())).status,
      ).toBe(204);
      expectApiError(
        await request(server).get(`${BASE}/${created.id}`).set(TEST_CREDENTIAL_HEADER, admin()),
        404,
        'not_found',
      );
      expectApiError(
        await request(server).get(`${BASE}/${created.id}/deliveries`).set(TEST_CREDENTIAL_HEADER, admin()),
        404,
        'not_found',
      );
      expectApiError(
        await request(server).delete(`${BASE}/${created.id}`).set(TEST_CREDENTIAL_HEADER, admin()),
        404,
        'not_found',
      );
      const listed = await request(server).get(BASE).set(TEST_CREDENTIAL_HEADER, admin());
      expect(listed.body.data.map((e: { id: string }) => e.id)).not.toContain(created.id);
    });

    it('rotates the secret: a new one, shown once; the old one stops signing at once by default', async () => {
      const { body: created } = await create({ url: 'https://hooks.example.com/r', events: ['*'] });
      const rotated = await request(app.getHttpServer())
        .post(`${BASE}/${created.id}/rotate-secret`)
        .set(TEST_CREDENTIAL_HEADER, admin())
        .send({});
      expect(rotated.status).toBe(200);
      expect(rotated.body.secret).toMatch(/^whsec_/);
      expect(rotated.body.secret).not.toBe(created.secret);
      expect(rotated.body.previousSecretExpiresAt).toBeNull();
      const endpoint = await inTenant(app, tenant, () =>
        app.get(WebhookEndpointsService).existing(created.id),
      );
      expect(inTenantSync(() => app.get(WebhookEndpointsService).signingSecrets(endpoint))).toEqual([
        rotated.body.secret,
      ]);
    });

    it('rotates with a grace period: both secrets sign until it ends', async () => {
      const { body: created } = await create({ url: 'https://hooks.example.com/g', events: ['*'] });
      const rotated = await request(app.getHttpServer())
        .post(`${BASE}/${created.id}/rotate-secret`)
        .set(TEST_CREDENTIAL_HEADER, admin())
        .send({ previousSecretValidForSeconds: 3600 });
      expect(Date.parse(rotated.body.previousSecretExpiresAt)).toBeGreaterThan(Date.now() + 3500_000);
      const endpoint = await inTenant(app, tenant, () =>
        app.get(WebhookEndpointsService).existing(created.id),
      );
      const service = app.get(WebhookEndpointsService);
      expect(inTenantSync(() => service.signingSecrets(endpoint))).toEqual([
        rotated.body.secret,
        created.secret,
      ]);
      expect(inTenantSync(() => service.signingSecrets(endpoint, new Date(Date.now() + 3601_000)))).toEqual([
        rotated.body.secret,
      ]);
    });

    it('refuses a grace period longer than 7 days', async () => {
      const { body: created } = await create({ url: 'https://hooks.example.com/x', events: ['*'] });
      const response = await request(app.getHttpServer())
        .post(`${BASE}/${created.id}/rotate-secret`)
        .set(TEST_CREDENTIAL_HEADER, admin())
        .send({ previousSecretValidForSeconds: 8 * 24 * 3600 });
      expectApiError(response, 400, 'validation_error');
    });
  });

  describe('who may manage endpoints', () => {
    it('refuses viewers and operators', async () => {
      for (const role of ['VIEWER', 'OPERATOR']) {
        expectApiError(
          await create({ url: 'https://hooks.example.com', events: ['*'] }, asUser(tenant.id, role)),
          403,
          'forbidden',
        );
        const listed = await request(app.getHttpServer())
          .get(BASE)
          .set(TEST_CREDENTIAL_HEADER, asUser(tenant.id, role));
        expectApiError(listed, 403, 'forbidden');
      }
    });

    it('refuses API keys without webhooks:manage', async () => {
      const key = asApiKey(tenant.id, 'payments:read', 'payments:write', 'usage:read');
      expectApiError(
        await create({ url: 'https://hooks.example.com', events: ['*'] }, key),
        403,
        'forbidden',
      );
      const listed = await request(app.getHttpServer()).get(BASE).set(TEST_CREDENTIAL_HEADER, key);
      expectApiError(listed, 403, 'forbidden');
    });

    it('admits API keys with webhooks:manage: an integration registers, lists and removes its receiver', async () => {
      const key = asApiKey(tenant.id, 'webhooks:manage');
      const created = await create({ url: 'https://hooks.example.com/by-key', events: ['*'] }, key);
      expect(created.status).toBe(201);
      expect(created.body.secret).toMatch(/^whsec_/);
      const listed = await request(app.getHttpServer()).get(BASE).set(TEST_CREDENTIAL_HEADER, key);
      expect(listed.status).toBe(200);
      expect(listed.body.data.map((endpoint: { id: string }) => endpoint.id)).toContain(created.body.id);
      const removed = await request(app.getHttpServer())
        .delete(`${BASE}/${created.body.id}`)
        .set(TEST_CREDENTIAL_HEADER, key);
      expect(removed.status).toBe(204);
    });

    it('refuses anonymous callers', async () => {
      const response = await request(app.getHttpServer()).get(BASE).set('X-Tenant-ID', tenant.id);
      expectApiError(response, 401, 'unauthorized');
    });
  });

  it(`limits a tenant to ${WEBHOOK_ENDPOINTS_PER_TENANT_MAX} endpoints`, async () => {
    const other = await seedTenant(app);
    for (let index = 0; index < WEBHOOK_ENDPOINTS_PER_TENANT_MAX; index += 1)
      expect(
        (await create({ url: `https://hooks.example.com/${index}`, events: ['*'] }, asUser(other.id))).status,
      ).toBe(201);
    expectApiError(
      await create({ url: 'https://hooks.example.com/one-more', events: ['*'] }, asUser(other.id)),
      409,
      'conflict',
    );
  });

  describe('on a deployment without WEBHOOK_SECRET_ENCRYPTION_KEY (allowed outside production)', () => {
    let unconfigured: NestFastifyApplication;
    beforeAll(async () => {
      unconfigured = await createWebhooksTestApp(
        testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }),
        resolver,
        testWebhooksOptions({ secretEncryptionKey: null }),
      );
    });
    afterAll(() => unconfigured.close());

    it('answers 501 webhooks_not_configured, naming the missing setting, and stores nothing', async () => {
      const other = await seedTenant(unconfigured);
      const response = await request(unconfigured.getHttpServer())
        .post(BASE)
        .set(TEST_CREDENTIAL_HEADER, asUser(other.id))
        .send({ url: 'https://hooks.example.com/unconfigured', events: ['*'] });
      expectApiError(response, 501, 'webhooks_not_configured');
      expect(response.body.message).toContain('WEBHOOK_SECRET_ENCRYPTION_KEY');
      const listed = await request(unconfigured.getHttpServer())
        .get(BASE)
        .set(TEST_CREDENTIAL_HEADER, asUser(other.id));
      expect(listed.body.data).toEqual([]);
    });
  });

  // signingSecrets reads the tenant from the context; tests call it inside one.
  function inTenantSync<T>(work: () => T): T {
    let result: T | undefined;
    void inTenant(app, tenant, async () => {
      result = work();
    });
    return result as T;
  }
});
