import { Controller, Get } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenantUserRole } from '@tenantpay/identity';
import { REDIS_CLIENT } from '@tenantpay/platform';
import {
  CurrentPrincipal,
  type Principal,
  Scopes,
  tenantCacheKeys,
  TenantLookupService,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import type Redis from 'ioredis';
import { ObjectId } from 'mongodb';
import request from 'supertest';
import { createIdentityTestApp, expectApiError, PASSWORD, seedTenant, seedUser } from './identity-test-app';
import { waitFor } from './support/tenancy-test-app';

/** Routes of this test only, standing in for the payment routes API keys exist for. */
@Controller('probe-payments')
class ProbePaymentsController {
  @Get()
  @Scopes('payments:read')
  read(@CurrentPrincipal() principal: Principal | null) {
    return { principal };
  }

  @Get('write')
  @Scopes('payments:write')
  write() {
    return { ok: true };
  }
}

/** Seeding hashes four passwords and verifies four (argon2id, tens of ms each; more on a loaded machine). */
const SEEDING_TIMEOUT_MS = 30_000;

describe('identity over HTTP: /v1/api-keys and API-key authentication', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;
  let enterprise: TenantSnapshot;
  let otherEnterprise: TenantSnapshot;
  let starter: TenantSnapshot;
  const tokens: Record<string, string> = {};

  const http = () => request(app.getHttpServer());
  const loginAs = async (tenant: TenantSnapshot, email: string): Promise<string> => {
    const response = await http()
      .post('/v1/auth/login')
      .set('X-Tenant-ID', tenant.id)
      .send({ email, password: PASSWORD })
      .expect(200);
    return response.body.accessToken as string;
  };
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });
  const createKey = async (scopes: string[], who = 'admin') =>
    (await http().post('/v1/api-keys').set(as(who)).send({ name: 'payments server', scopes }).expect(201))
      .body as {
      id: string;
      key: string;
    };

  beforeAll(async () => {
    app = await createIdentityTestApp(testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }), [
      ProbePaymentsController,
    ]);
    enterprise = await seedTenant(app, Tier.Enterprise);
    otherEnterprise = await seedTenant(app, Tier.Enterprise);
    starter = await seedTenant(app, Tier.Starter);
    await seedUser(app, enterprise, 'admin@ent.test', TenantUserRole.Admin);
    await seedUser(app, enterprise, 'operator@ent.test', TenantUserRole.Operator);
    await seedUser(app, otherEnterprise, 'admin@other.test', TenantUserRole.Admin);
    await seedUser(app, starter, 'admin@starter.test', TenantUserRole.Admin);
    tokens['admin'] = await loginAs(enterprise, 'admin@ent.test');
    tokens['operator'] = await loginAs(enterprise, 'operator@ent.test');
    tokens['otherAdmin'] = await loginAs(otherEnterprise, 'admin@other.test');
    tokens['starterAdmin'] = await loginAs(starter, 'admin@starter.test');
  }, SEEDING_TIMEOUT_MS);
  afterAll(async () => {
    await app.close();
  });

  describe('management', () => {
    it('creates a key, shows its secret once, and lists it without the secret', async () => {
      const created = await http()
        .post('/v1/api-keys')
        .set(as('admin'))
        .send({
          name: 'server',
          scopes: ['payments:read', 'usage:read'],
          expiresAt: '2099-01-01T00:00:00.000Z',
        })
        .expect(201);
      expect(created.body).toEqual(
        expect.objectContaining({
          key: expect.stringMatching(new RegExp(`^tp_live_${enterprise.id}_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$`)),
          scopes: ['payments:read', 'usage:read'],
          expiresAt: '2099-01-01T00:00:00.000Z',
          status: 'active',
        }),
      );
      const listed = await http().get('/v1/api-keys').set(as('admin')).expect(200);
      expect(listed.body.data).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: created.body.id, prefix: created.body.prefix }),
        ]),
      );
      expect(JSON.stringify(listed.body)).not.toContain(created.body.key.slice(-43));
      const fetched = await http().get(`/v1/api-keys/${created.body.id}`).set(as('admin')).expect(200);
      expect(fetched.body).not.toHaveProperty('key');
      expect(
        await mongo.db
          .collection('audit_events')
          .countDocuments({ action: 'api_key.created', 'resource.id': created.body.id }),
      ).toBe(1);
    });

    it('is an ENTERPRISE feature: 403 feature_not_in_tier below it', async () => {
      expectApiError(await http().get('/v1/api-keys').set(as('starterAdmin')), 403, 'feature_not_in_tier');
      expectApiError(
        await http()
          .post('/v1/api-keys')
          .set(as('starterAdmin'))
          .send({ name: 'x', scopes: ['payments:read'] }),
        403,
        'feature_not_in_tier',
      );
    });

    it('is for admins only, and never for API keys', async () => {
      expectApiError(await http().get('/v1/api-keys').set(as('operator')), 403, 'forbidden');
      const { key } = await createKey(['payments:read', 'payments:write', 'usage:read', 'webhooks:manage']);
      expectApiError(await http().get('/v1/api-keys').set('X-API-Key', key), 403, 'forbidden');
      expectApiError(
        await http()
          .post('/v1/api-keys')
          .set('X-API-Key', key)
          .send({ name: 'x', scopes: ['payments:read'] }),
        403,
        'forbidden',
      );
      expectApiError(await http().get('/v1/users').set('X-API-Key', key), 403, 'forbidden');
    });

    it('validates scopes and expiry', async () => {
      expectApiError(
        await http()
          .post('/v1/api-keys')
          .set(as('admin'))
          .send({ name: 'x', scopes: ['payments:admin'] }),
        400,
        'validation_error',
      );
      expectApiError(
        await http().post('/v1/api-keys').set(as('admin')).send({ name: 'x', scopes: [] }),
        400,
        'validation_error',
      );
      expectApiError(
        await http()
          .post('/v1/api-keys')
          .set(as('admin'))
          .send({ name: 'x', scopes: ['payments:read'], expiresAt: 'tomorrow' }),
        400,
        'validation_error',
      );
      expectApiError(
        await http()
          .post('/v1/api-keys')
          .set(as('admin'))
          .send({ name: 'x', scopes: ['payments:read'], expiresAt: '2001-01-01T00:00:00Z' }),
        400,
        'validation_error',
      );
    });

    it("answers another tenant's key like a missing one", async () => {
      const theirs = await createKey(['payments:read'], 'otherAdmin');
      expectApiError(await http().get(`/v1/api-keys/${theirs.id}`).set(as('admin')), 404, 'not_found');
      expectApiError(
        await http().post(`/v1/api-keys/${theirs.id}/revoke`).set(as('admin')),
        404,
        'not_found',
      );
      expectApiError(
        await http().post(`/v1/api-keys/${theirs.id}/rotate`).set(as('admin')).send({}),
        404,
        'not_found',
      );
      await http().get('/v1/probe-payments').set('X-API-Key', theirs.key).expect(200);
    });
  });

  describe('authentication with a key', () => {
    it('authenticates by X-API-Key or Bearer, as a principal of its tenant', async () => {
      const { id, key } = await createKey(['payments:read']);
      for (const headers of [{ 'X-API-Key': key }, { Authorization: `Bearer ${key}` }]) {
        const response = await http().get('/v1/probe-payments').set(headers).expect(200);
        expect(response.body.principal).toEqual({
          kind: 'api-key',
          apiKeyId: id,
          tenantId: enterprise.id,
          scopes: ['payments:read'],
        });
      }
    });

    it('refuses a route whose scope the key lacks (403)', async () => {
      const { key } = await createKey(['payments:read']);
      expectApiError(await http().get('/v1/probe-payments/write').set('X-API-Key', key), 403, 'forbidden');
    });

    it('refuses a tampered or unknown key (401)', async () => {
      const { key } = await createKey(['payments:read']);
      const tampered = `${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`;
      for (const presented of [tampered, 'tp_live_short', `tp_live_AAAAAAAA_${'A'.repeat(43)}`]) {
        expectApiError(
          await http().get('/v1/probe-payments').set('X-API-Key', presented),
          401,
          'unauthorized',
        );
      }
    });

    it('refuses a key sent with another tenant named in the header (403 tenant_mismatch)', async () => {
      const { key } = await createKey(['payments:read']);
      expectApiError(
        await http().get('/v1/probe-payments').set('X-API-Key', key).set('X-Tenant-ID', otherEnterprise.id),
        403,
        'tenant_mismatch',
      );
    });

    it('stops a revoked key at once, even right after it was used', async () => {
      const { id, key } = await createKey(['payments:read']);
      await http().get('/v1/probe-payments').set('X-API-Key', key).expect(200);
      await http().post(`/v1/api-keys/${id}/revoke`).set(as('admin')).expect(200);
      expectApiError(await http().get('/v1/probe-payments').set('X-API-Key', key), 401, 'unauthorized');
      expectApiError(await http().post(`/v1/api-keys/${id}/revoke`).set(as('admin')), 409, 'conflict');
    });

    it('stops an expired key', async () => {
      const { id, key } = await createKey(['payments:read']);
      await http().get('/v1/probe-payments').set('X-API-Key', key).expect(200);
      // Time passes: the key's expiry is now behind us, and its cached copies (Redis, then in process, which
      // hears it over the invalidation channel) have aged out.
      const stored = await mongo.db
        .collection('api_keys')
        .findOneAndUpdate({ _id: new ObjectId(id) }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
      const hash = String(stored?.['hash']);
      await app.get<Redis>(REDIS_CLIENT).del(tenantCacheKeys.byApiKeyHash(hash));
      await app.get(TenantLookupService).invalidateKeys([tenantCacheKeys.byApiKeyHashInProcess(hash)]);
      await waitFor(
        async () => (await http().get('/v1/probe-payments').set('X-API-Key', key)).status === 401,
        20_000,
      );
      expectApiError(await http().get('/v1/probe-payments').set('X-API-Key', key), 401, 'unauthorized');
      expect((await http().get(`/v1/api-keys/${id}`).set(as('admin')).expect(200)).body.status).toBe(
        'expired',
      );
    });

    it('rotates with an overlap: both secrets work, the old one is marked rotating; 0 cuts it at once', async () => {
      const old = await createKey(['payments:read']);
      const rotated = await http()
        .post(`/v1/api-keys/${old.id}/rotate`)
        .set(as('admin'))
        .send({ overlapSeconds: 600 })
        .expect(201);
      expect(rotated.body).toEqual(
        expect.objectContaining({ scopes: ['payments:read'], rotatedFromId: old.id, status: 'active' }),
      );
      await http().get('/v1/probe-payments').set('X-API-Key', old.key).expect(200);
      await http().get('/v1/probe-payments').set('X-API-Key', rotated.body.key).expect(200);
      const oldView = (await http().get(`/v1/api-keys/${old.id}`).set(as('admin')).expect(200)).body;
      expect(oldView.status).toBe('rotating');
      expect(Date.parse(oldView.rotatingUntil) - Date.now()).toBeGreaterThan(500_000);
      expect(Date.parse(oldView.rotatingUntil) - Date.now()).toBeLessThanOrEqual(600_000);
      expectApiError(
        await http().post(`/v1/api-keys/${old.id}/rotate`).set(as('admin')).send({}),
        409,
        'conflict',
      );

      const cut = await http()
        .post(`/v1/api-keys/${rotated.body.id}/rotate`)
        .set(as('admin'))
        .send({ overlapSeconds: 0 })
        .expect(201);
      expectApiError(
        await http().get('/v1/probe-payments').set('X-API-Key', rotated.body.key),
        401,
        'unauthorized',
      );
      await http().get('/v1/probe-payments').set('X-API-Key', cut.body.key).expect(200);
    });

    it('GET /v1/me tells a key who it is: tenant, scopes, prefix, expiry, status; /v1/auth/me the same', async () => {
      const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
      const created = (
        await http()
          .post('/v1/api-keys')
          .set(as('admin'))
          .send({ name: 'ledger sync', scopes: ['usage:read'], expiresAt })
          .expect(201)
      ).body as { id: string; key: string; prefix: string };
      const expected = {
        kind: 'api-key',
        id: created.id,
        name: 'ledger sync',
        tenantId: enterprise.id,
        scopes: ['usage:read'],
        prefix: created.prefix,
        expiresAt,
        status: 'active',
      };
      expect(created.key.startsWith(created.prefix)).toBe(true);
      await http().get('/v1/me').set('X-API-Key', created.key).expect(200, expected);
      await http().get('/v1/auth/me').set('Authorization', `Bearer ${created.key}`).expect(200, expected);
      // A user's token answers the same at both paths.
      const asUser = await http().get('/v1/me').set(as('operator')).expect(200);
      expect(asUser.body).toEqual(
        expect.objectContaining({ kind: 'user', role: 'OPERATOR', tenantId: enterprise.id }),
      );
      await http().get('/v1/auth/me').set(as('operator')).expect(200, asUser.body);

      await http()
        .post(`/v1/api-keys/${created.id}/rotate`)
        .set(as('admin'))
        .send({ overlapSeconds: 60 })
        .expect(201);
      const rotating = await http().get('/v1/me').set('X-API-Key', created.key).expect(200);
      expect(rotating.body).toEqual(expect.objectContaining({ status: 'rotating' }));
      // The key still names its own tenant only.
      expectApiError(
        await http().get('/v1/me').set('X-API-Key', created.key).set('X-Tenant-ID', otherEnterprise.id),
        403,
        'tenant_mismatch',
      );
    });

    it('refuses an overlap beyond 7 days, or not a whole number of seconds', async () => {
      const key = await createKey(['payments:read']);
      for (const overlapSeconds of [604_801, -1, 1.5, '3600']) {
        expectApiError(
          await http().post(`/v1/api-keys/${key.id}/rotate`).set(as('admin')).send({ overlapSeconds }),
          400,
          'validation_error',
        );
      }
      await http()
        .post(`/v1/api-keys/${key.id}/rotate`)
        .set(as('admin'))
        .send({ overlapSeconds: 604_800 })
        .expect(201);
    });
  });
});
