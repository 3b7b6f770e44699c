import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenancyAuditAction, TenantLookupService } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import request from 'supertest';
import {
  asApiKey,
  asSuperAdmin,
  asUser,
  createTenancyTestApp,
  expectApiError,
  RecordingAuditSink,
  TEST_CREDENTIAL_HEADER,
} from './support/tenancy-test-app';

describe('tenant lifecycle: rename and archive (issue 13 part 6)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  const audit = new RecordingAuditSink();
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTenancyTestApp(testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }), {
      audit,
    });
  });
  afterAll(async () => {
    await app.close();
  });
  beforeEach(() => {
    audit.events.length = 0;
  });

  const as = (credential: string) => {
    const agent = request(app.getHttpServer());
    return {
      get: (path: string) => agent.get(path).set(TEST_CREDENTIAL_HEADER, credential),
      post: (path: string, body?: object) =>
        agent.post(path).set(TEST_CREDENTIAL_HEADER, credential).send(body),
      put: (path: string, body: object) => agent.put(path).set(TEST_CREDENTIAL_HEADER, credential).send(body),
      patch: (path: string, body: object) =>
        agent.patch(path).set(TEST_CREDENTIAL_HEADER, credential).send(body),
    };
  };
  const admin = () => as(asSuperAdmin());
  const create = async (slug: string) =>
    (
      await admin()
        .post('/v1/admin/tenants', { slug, name: `Tenant ${slug}`, tier: 'ENTERPRISE' })
        .expect(201)
    ).body as { id: string; slug: string };

  describe('rename', () => {
    it('changes the display name on every cached copy and audits old and new names', async () => {
      const tenant = await create('renamed-bank');
      await app.get(TenantLookupService).findById(tenant.id);
      const response = await admin()
        .put(`/v1/admin/tenants/${tenant.id}/name`, { name: 'Renamed Bank' })
        .expect(200);
      expect(response.body).toMatchObject({ name: 'Renamed Bank', slug: 'renamed-bank' });
      expect((await app.get(TenantLookupService).findById(tenant.id))?.name).toBe('Renamed Bank');
      expect(audit.events).toContainEqual(
        expect.objectContaining({
          action: TenancyAuditAction.TenantRenamed,
          tenantId: tenant.id,
          metadata: { from: 'Tenant renamed-bank', to: 'Renamed Bank' },
        }),
      );
    });

    it('refuses a blank or missing name (400) and an unknown tenant (404)', async () => {
      const tenant = await create('blank-name');
      expectApiError(
        await admin().put(`/v1/admin/tenants/${tenant.id}/name`, { name: '   ' }),
        400,
        'validation_error',
      );
      expectApiError(await admin().put(`/v1/admin/tenants/${tenant.id}/name`, {}), 400, 'validation_error');
      expectApiError(
        await admin().put('/v1/admin/tenants/0123456789abcdef01234567/name', { name: 'Nobody' }),
        404,
        'tenant_not_found',
      );
    });

    it('is for super-admins only', async () => {
      const tenant = await create('rename-guarded');
      expectApiError(
        await as(asUser(tenant.id)).put(`/v1/admin/tenants/${tenant.id}/name`, { name: 'x' }),
        403,
        'forbidden',
      );
    });
  });

  describe('archive', () => {
    it('makes the tenant read-only at once: writes answer 409 tenant_archived, reads still work', async () => {
      const tenant = await create('archived-bank');
      // Warm every cache with the active tenant first: archiving must reach them before it answers.
      await as(asUser(tenant.id)).get('/v1/users').expect(200);
      const archived = await admin().post(`/v1/admin/tenants/${tenant.id}/archive`).expect(200);
      expect(archived.body.archivedAt).toEqual(expect.any(String));

      const user = as(asUser(tenant.id));
      expectApiError(
        await user.post('/v1/users', {
          email: 'new@archived.test',
          password: 'a-long-password-1',
          role: 'VIEWER',
        }),
        409,
        'tenant_archived',
      );
      expectApiError(
        await as(asApiKey(tenant.id, 'payments:write'))
          .post('/v1/payments', { amount: 100, currency: 'EUR', method: 'card', reference: 'r-1' })
          .set('Idempotency-Key', 'archived-1'),
        409,
        'tenant_archived',
      );
      expectApiError(
        await user.patch('/v1/users/0123456789abcdef01234567/role', { role: 'VIEWER' }),
        409,
        'tenant_archived',
      );
      expectApiError(await user.put('/v1/branding', { displayName: 'x' }), 409, 'tenant_archived');
      await user.get('/v1/users').expect(200);
      await as(asApiKey(tenant.id, 'payments:read')).get('/v1/payments').expect(200);
      expect(audit.events).toContainEqual(
        expect.objectContaining({ action: TenancyAuditAction.TenantArchived, tenantId: tenant.id }),
      );
    });

    it('is not suspension: a suspended tenant refuses reads too, with its own code', async () => {
      const tenant = await create('archived-then-suspended');
      await admin().post(`/v1/admin/tenants/${tenant.id}/archive`).expect(200);
      await admin().post(`/v1/admin/tenants/${tenant.id}/suspend`).expect(200);
      expectApiError(await as(asUser(tenant.id)).get('/v1/users'), 403, 'tenant_suspended');
    });

    it('archiving twice keeps the first date; unarchiving opens writes again and is audited', async () => {
      const tenant = await create('unarchived-bank');
      const first = await admin().post(`/v1/admin/tenants/${tenant.id}/archive`).expect(200);
      const second = await admin().post(`/v1/admin/tenants/${tenant.id}/archive`).expect(200);
      expect(second.body.archivedAt).toBe(first.body.archivedAt);
      const back = await admin().post(`/v1/admin/tenants/${tenant.id}/unarchive`).expect(200);
      expect(back.body.archivedAt).toBeNull();
      // Past the tenant guard: the body is what is refused now.
      expectApiError(
        await as(asUser(tenant.id)).post('/v1/users', { email: 'nope' }),
        400,
        'validation_error',
      );
      expect(audit.events).toContainEqual(
        expect.objectContaining({ action: TenancyAuditAction.TenantUnarchived, tenantId: tenant.id }),
      );
    });

    it("archiving one tenant leaves another tenant's writes alone", async () => {
      const archivedTenant = await create('archived-a');
      const other = await create('still-open-b');
      await admin().post(`/v1/admin/tenants/${archivedTenant.id}/archive`).expect(200);
      expectApiError(
        await as(asUser(other.id)).post('/v1/users', { email: 'nope' }),
        400,
        'validation_error',
      );
    });

    it('answers 404 for an unknown tenant', async () => {
      expectApiError(
        await admin().post('/v1/admin/tenants/0123456789abcdef01234567/archive'),
        404,
        'tenant_not_found',
      );
      expectApiError(
        await admin().post('/v1/admin/tenants/0123456789abcdef01234567/unarchive'),
        404,
        'tenant_not_found',
      );
    });
  });
});
