import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuditAction, AuditService } from '@tenantpay/audit';
import { type TenantSnapshot, Tier } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import request from 'supertest';
import { seedTenant } from './identity-test-app';
import {
  asApiKey,
  asSuperAdmin,
  asUser,
  createTenancyTestApp,
  expectApiError,
  TEST_CREDENTIAL_HEADER,
} from './support/tenancy-test-app';

interface EventBody {
  id: string;
  tenantId: string | null;
  action: string;
  outcome: string;
  actor: { type: string; id?: string };
  at: string;
}
interface PageBody {
  data: EventBody[];
  has_more: boolean;
}

describe('audit search: /v1/audit-events and /v1/admin/audit-events (SPEC §11)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;
  let tenantA: TenantSnapshot;
  let tenantB: TenantSnapshot;
  let secondBatchFrom: Date;

  const record = (
    tenantId: string | null,
    action: (typeof AuditAction)[keyof typeof AuditAction],
    actorId: string,
    outcome: 'success' | 'failure' | 'denied' = 'success',
  ) =>
    app
      .get(AuditService, { strict: false })
      .record({ tenantId, action, outcome, actor: { type: 'user', id: actorId } });

  const get = (path: string, credential: string) =>
    request(app.getHttpServer()).get(path).set(TEST_CREDENTIAL_HEADER, credential);

  beforeAll(async () => {
    app = await createTenancyTestApp(testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }));
    tenantA = await seedTenant(app, Tier.Enterprise);
    tenantB = await seedTenant(app, Tier.Starter);
    // Identical histories in both tenants, so a leak cannot hide behind different data.
    for (const tenant of [tenantA, tenantB]) {
      await record(tenant.id, AuditAction.UserCreated, `admin-${tenant.slug}`);
      await record(tenant.id, AuditAction.AuthLoginFailed, 'anonymous-caller', 'failure');
      await record(tenant.id, AuditAction.ApiKeyCreated, `admin-${tenant.slug}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    secondBatchFrom = new Date();
    for (const tenant of [tenantA, tenantB]) {
      await record(tenant.id, AuditAction.ApiKeyRevoked, `admin-${tenant.slug}`);
      await record(tenant.id, AuditAction.UserRoleChanged, `admin-${tenant.slug}`);
    }
    await record(null, AuditAction.TenantCreated, 'platform-operator');
  });
  afterAll(async () => {
    await app.close();
  });

  describe('GET /v1/audit-events (tenant admins)', () => {
    it("returns the caller's own tenant's events only, newest first", async () => {
      const response = await get('/v1/audit-events?limit=200', asUser(tenantA.id)).expect(200);
      const body = response.body as PageBody;
      expect(body.data.length).toBeGreaterThanOrEqual(5);
      expect(body.data.every((event) => event.tenantId === tenantA.id)).toBe(true);
      expect(JSON.stringify(body)).not.toContain(tenantB.id);
      expect(JSON.stringify(body)).not.toContain(tenantB.slug);
      const times = body.data.map((event) => Date.parse(event.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });

    it('refuses to name another tenant (403 cross_tenant_access) and audits the attempt', async () => {
      const response = await get(`/v1/audit-events?tenant_id=${tenantB.id}`, asUser(tenantA.id));
      expectApiError(response, 403, 'cross_tenant_access');
      const attempts = await get(
        `/v1/audit-events?action=${AuditAction.TenantCrossTenantAttempt}`,
        asUser(tenantA.id),
      ).expect(200);
      expect((attempts.body as PageBody).data).toContainEqual(
        expect.objectContaining({ tenantId: tenantA.id, outcome: 'denied' }),
      );
      // Naming its own tenant is fine.
      await get(`/v1/audit-events?tenant_id=${tenantA.id}`, asUser(tenantA.id)).expect(200);
    });

    it('is for ADMINs: VIEWERs and API keys get 403, no credential 401', async () => {
      expectApiError(await get('/v1/audit-events', asUser(tenantA.id, 'VIEWER')), 403, 'forbidden');
      expectApiError(await get('/v1/audit-events', asApiKey(tenantA.id, 'payments:read')), 403, 'forbidden');
      expectApiError(
        await request(app.getHttpServer()).get('/v1/audit-events').set('X-Tenant-ID', tenantA.id),
        401,
        'unauthorized',
      );
      // A super-admin has no tenant routes.
      expectApiError(await get('/v1/audit-events', asSuperAdmin()), 403, 'forbidden');
    });

    it('filters by action, outcome, actor and time', async () => {
      const byAction = (
        await get(`/v1/audit-events?action=${AuditAction.UserCreated}`, asUser(tenantA.id)).expect(200)
      ).body as PageBody;
      expect(byAction.data.map((event) => event.action)).toEqual([AuditAction.UserCreated]);

      const byOutcome = (await get('/v1/audit-events?outcome=failure', asUser(tenantA.id)).expect(200))
        .body as PageBody;
      expect(byOutcome.data.map((event) => event.action)).toEqual([AuditAction.AuthLoginFailed]);

      const byActor = (
        await get('/v1/audit-events?actor_id=anonymous-caller', asUser(tenantA.id)).expect(200)
      ).body as PageBody;
      expect(byActor.data.map((event) => event.actor.id)).toEqual(['anonymous-caller']);

      const since = (
        await get(
          `/v1/audit-events?from=${secondBatchFrom.toISOString()}&actor_id=admin-${tenantA.slug}`,
          asUser(tenantA.id),
        ).expect(200)
      ).body as PageBody;
      expect(since.data.map((event) => event.action).sort()).toEqual(
        [AuditAction.ApiKeyRevoked, AuditAction.UserRoleChanged].sort(),
      );
      const before = (
        await get(
          `/v1/audit-events?to=${secondBatchFrom.toISOString()}&actor_id=admin-${tenantA.slug}`,
          asUser(tenantA.id),
        ).expect(200)
      ).body as PageBody;
      expect(before.data.map((event) => event.action).sort()).toEqual(
        [AuditAction.ApiKeyCreated, AuditAction.UserCreated].sort(),
      );
    });

    it('pages with limit / starting_after / has_more, without gaps or repeats', async () => {
      const all = ((await get('/v1/audit-events?limit=200', asUser(tenantA.id)).expect(200)).body as PageBody)
        .data;
      const seen: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const path = `/v1/audit-events?limit=2${cursor === undefined ? '' : `&starting_after=${cursor}`}`;
        const page = (await get(path, asUser(tenantA.id)).expect(200)).body as PageBody;
        expect(page.data.length).toBeLessThanOrEqual(2);
        seen.push(...page.data.map((event) => event.id));
        if (!page.has_more) break;
        cursor = page.data.at(-1)?.id;
      }
      expect(seen).toEqual(all.map((event) => event.id));
    });

    it("refuses another tenant's event id as a cursor exactly like an unknown one", async () => {
      const other = (
        (await get('/v1/admin/audit-events?tenant_id=' + tenantB.id, asSuperAdmin()).expect(200))
          .body as PageBody
      ).data[0];
      expect(other).toBeDefined();
      const foreign = await get(`/v1/audit-events?starting_after=${other?.id}`, asUser(tenantA.id));
      const unknown = await get(`/v1/audit-events?starting_after=${'0'.repeat(24)}`, asUser(tenantA.id));
      expectApiError(foreign, 400, 'validation_error');
      expectApiError(unknown, 400, 'validation_error');
      expect(foreign.body.details).toEqual(unknown.body.details);
    });

    it('validates the query', async () => {
      for (const query of [
        'limit=0',
        'limit=201',
        'limit=x',
        'action=bogus.action',
        'outcome=maybe',
        'from=yesterday',
        'starting_after=abc',
        'tenant_id=platform',
        'unknown=1',
        'tenant_id[$ne]=x',
      ]) {
        expectApiError(await get(`/v1/audit-events?${query}`, asUser(tenantA.id)), 400, 'validation_error');
      }
    });
  });

  describe('GET /v1/admin/audit-events (super-admins)', () => {
    it('reads every tenant and the platform, and filters by tenant', async () => {
      const all = (
        (await get('/v1/admin/audit-events?limit=200', asSuperAdmin()).expect(200)).body as PageBody
      ).data;
      const tenants = new Set(all.map((event) => event.tenantId));
      expect([...tenants]).toEqual(expect.arrayContaining([tenantA.id, tenantB.id, null]));

      const onlyB = (
        (await get(`/v1/admin/audit-events?tenant_id=${tenantB.id}`, asSuperAdmin()).expect(200))
          .body as PageBody
      ).data;
      expect(onlyB.length).toBeGreaterThanOrEqual(5);
      expect(onlyB.every((event) => event.tenantId === tenantB.id)).toBe(true);

      const platform = (
        (await get('/v1/admin/audit-events?tenant_id=platform', asSuperAdmin()).expect(200)).body as PageBody
      ).data;
      expect(platform.length).toBeGreaterThan(0);
      expect(platform.every((event) => event.tenantId === null)).toBe(true);
    });

    it('filters by actor, action, outcome and time together with the tenant', async () => {
      const response = await get(
        `/v1/admin/audit-events?tenant_id=${tenantB.id}&actor_id=admin-${tenantB.slug}&action=${AuditAction.ApiKeyRevoked}&outcome=success&from=${secondBatchFrom.toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`,
        asSuperAdmin(),
      ).expect(200);
      const events = (response.body as PageBody).data;
      expect(events).toHaveLength(1);
      expect(events[0]).toEqual(
        expect.objectContaining({
          tenantId: tenantB.id,
          action: AuditAction.ApiKeyRevoked,
          actor: { type: 'user', id: `admin-${tenantB.slug}` },
        }),
      );
      const failures = (
        (await get('/v1/admin/audit-events?outcome=failure&limit=200', asSuperAdmin()).expect(200))
          .body as PageBody
      ).data;
      expect(new Set(failures.map((event) => event.tenantId))).toEqual(new Set([tenantA.id, tenantB.id]));
    });

    it('pages across tenants', async () => {
      const first = (await get('/v1/admin/audit-events?limit=3', asSuperAdmin()).expect(200))
        .body as PageBody;
      expect(first.data).toHaveLength(3);
      expect(first.has_more).toBe(true);
      const second = (
        await get(
          `/v1/admin/audit-events?limit=3&starting_after=${first.data[2]?.id}`,
          asSuperAdmin(),
        ).expect(200)
      ).body as PageBody;
      expect(second.data.map((event) => event.id)).not.toEqual(expect.arrayContaining([first.data[0]?.id]));
      expect(Date.parse(second.data[0]?.at ?? '')).toBeLessThanOrEqual(Date.parse(first.data[2]?.at ?? ''));
    });

    it('is for super-admins only', async () => {
      expectApiError(await get('/v1/admin/audit-events', asUser(tenantA.id)), 403, 'forbidden');
      expectApiError(await get('/v1/admin/audit-events', 'platform:SUPPORT'), 403, 'forbidden');
      expectApiError(await request(app.getHttpServer()).get('/v1/admin/audit-events'), 401, 'unauthorized');
    });

    it('validates the query', async () => {
      for (const query of ['tenant_id=nope', 'limit=1000', 'outcome=ok', 'to=2026-13-01']) {
        expectApiError(await get(`/v1/admin/audit-events?${query}`, asSuperAdmin()), 400, 'validation_error');
      }
    });
  });
});
