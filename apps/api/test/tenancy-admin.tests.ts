import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TenancyAuditAction, TenantLookupService } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import request from 'supertest';
import {
  asSuperAdmin,
  asUser,
  createTenancyTestApp,
  expectApiError,
  RecordingAuditSink,
  TEST_CREDENTIAL_HEADER,
} from './support/tenancy-test-app';

describe('tenant administration: /v1/admin/tenants (SPEC §10)', () => {
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

  const admin = () => {
    const agent = request(app.getHttpServer());
    const as = <T extends { set(name: string, value: string): T }>(test: T) =>
      test.set(TEST_CREDENTIAL_HEADER, asSuperAdmin());
    return {
      get: (path: string) => as(agent.get(`/v1/admin/tenants${path}`)),
      post: (path: string, body?: object) => as(agent.post(`/v1/admin/tenants${path}`)).send(body),
      put: (path: string, body: object) => as(agent.put(`/v1/admin/tenants${path}`)).send(body),
      delete: (path: string) => as(agent.delete(`/v1/admin/tenants${path}`)),
    };
  };
  const create = async (slug: string, tier = 'ENTERPRISE') =>
    (
      await admin()
        .post('', { slug, name: `Tenant ${slug}`, tier })
        .expect(201)
    ).body as { id: string; slug: string };

  describe('access', () => {
    it('refuses callers without a credential (401), tenant users (403) and API keys (403)', async () => {
      expectApiError(await request(app.getHttpServer()).get('/v1/admin/tenants'), 401, 'unauthorized');
      const tenant = await create('accessco');
      for (const credential of [
        asUser(tenant.id, 'ADMIN'),
        `api-key:${tenant.id}:payments:read`,
        'platform:SUPPORT',
      ]) {
        const response = await request(app.getHttpServer())
          .get('/v1/admin/tenants')
          .set(TEST_CREDENTIAL_HEADER, credential);
        expectApiError(response, 403, 'forbidden');
      }
    });

    it('audits every use of the platform bypass', async () => {
      await admin().get('').expect(200);
      expect(audit.events).toContainEqual(
        expect.objectContaining({
          action: TenancyAuditAction.PlatformBypassUsed,
          actor: { type: 'platform-user', id: 'p-1' },
        }),
      );
    });
  });

  describe('create', () => {
    it('creates a tenant with the tier defaults and audits it', async () => {
      const response = await admin()
        .post('', {
          slug: 'first-national',
          name: 'First National',
          tier: 'PROFESSIONAL',
          branding: { displayName: 'FN' },
        })
        .expect(201);
      expect(response.body).toMatchObject({
        slug: 'first-national',
        name: 'First National',
        tier: 'PROFESSIONAL',
        isActive: true,
        limits: { maxUsers: 100, transactionsPerMonth: 50000, apiRequestsPerMinute: 300 },
        limitOverrides: {},
        domains: [],
        settings: { branding: { displayName: 'FN' } },
      });
      expect(response.body.id).toMatch(/^[0-9a-f]{24}$/);
      expect(audit.events).toContainEqual(
        expect.objectContaining({
          action: TenancyAuditAction.TenantCreated,
          tenantId: response.body.id,
          outcome: 'success',
        }),
      );
    });

    it("takes the tenant's locale with its branding, canonical, and refuses a tag that is none", async () => {
      const response = await admin()
        .post('', {
          slug: 'german-bank',
          name: 'German Bank',
          // Not STARTER: the listing case below pages through every STARTER tenant of this file.
          tier: 'PROFESSIONAL',
          branding: { locale: 'de-de' },
        })
        .expect(201);
      expect(response.body.settings.branding).toEqual({ locale: 'de-DE' });
      const refused = await admin().post('', {
        slug: 'nowhere-bank',
        name: 'Nowhere Bank',
        tier: 'STARTER',
        branding: { locale: 'de_DE' },
      });
      expectApiError(refused, 400, 'validation_error');
    });

    it.each([
      ['uppercase', 'BigBank'],
      ['reserved', 'admin'],
      ['an id look-alike', '0123456789abcdef01234567'],
      ['too short', 'ab'],
      ['a dot', 'bank.one'],
    ])('refuses a slug that is %s with 400', async (_label, slug) => {
      const response = await admin().post('', { slug, name: 'X', tier: 'STARTER' });
      expectApiError(response, 400, 'validation_error');
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'slug' })]);
    });

    it('refuses unknown fields and bad tiers with 400', async () => {
      expectApiError(
        await admin().post('', { slug: 'okslug', name: 'X', tier: 'GOLD' }),
        400,
        'validation_error',
      );
      expectApiError(
        await admin().post('', { slug: 'okslug', name: 'X', tier: 'STARTER', isActive: false }),
        400,
        'validation_error',
      );
      expectApiError(
        await admin().post('', { slug: 'okslug', name: 'X', tier: 'STARTER', limits: { maxUsers: -1 } }),
        400,
        'validation_error',
      );
    });

    it('refuses a duplicate slug with 409 conflict', async () => {
      await create('twice');
      expectApiError(
        await admin().post('', { slug: 'twice', name: 'Again', tier: 'STARTER' }),
        409,
        'conflict',
      );
    });
  });

  describe('read', () => {
    it('gets a tenant, and answers 404 tenant_not_found for unknown or malformed ids', async () => {
      const tenant = await create('readme');
      expect((await admin().get(`/${tenant.id}`).expect(200)).body.slug).toBe('readme');
      expectApiError(await admin().get('/0123456789abcdef01234567'), 404, 'tenant_not_found');
      expectApiError(await admin().get('/not-an-id'), 404, 'tenant_not_found');
    });

    it('lists every tenant exactly once with cursor pagination, newest first', async () => {
      for (const slug of ['page-a', 'page-b', 'page-c', 'page-d', 'page-e']) await create(slug, 'STARTER');
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page++) {
        const response = await admin()
          .get(`?limit=2&tier=STARTER${cursor === undefined ? '' : `&starting_after=${cursor}`}`)
          .expect(200);
        const ids = (response.body.data as { id: string; slug: string }[]).map((tenant) => tenant.slug);
        seen.push(...ids);
        if (!response.body.has_more) break;
        cursor = response.body.data.at(-1).id;
      }
      expect(seen).toEqual(['page-e', 'page-d', 'page-c', 'page-b', 'page-a']);
      expectApiError(await admin().get('?limit=0'), 400, 'validation_error');
      expectApiError(await admin().get('?starting_after[$gt]=x'), 400, 'validation_error');
    });

    it('searches the slug’s start or part of the name, as plain text', async () => {
      await create('searchable-bank');
      const slugs = async (search: string) =>
        (
          (
            await admin()
              .get(`?limit=100&search=${encodeURIComponent(search)}`)
              .expect(200)
          ).body.data as {
            slug: string;
          }[]
        ).map((tenant) => tenant.slug);
      expect(await slugs('searchable')).toEqual(['searchable-bank']);
      // The name is "Tenant searchable-bank": found by any part of it, in any case.
      expect(await slugs('TENANT SEARCHABLE')).toEqual(['searchable-bank']);
      expect(await slugs('able-bank')).toEqual(['searchable-bank']);
      expect(await slugs('.*')).toEqual([]);
      expectApiError(await admin().get(`?search=${'x'.repeat(101)}`), 400, 'validation_error');
      expectApiError(await admin().get('?search[$regex]=a'), 400, 'validation_error');
    });

    it('filters by status', async () => {
      const tenant = await create('filterme', 'PROFESSIONAL');
      await admin().post(`/${tenant.id}/suspend`).expect(200);
      const suspended = await admin().get('?status=suspended&limit=100').expect(200);
      expect((suspended.body.data as { slug: string }[]).map((t) => t.slug)).toContain('filterme');
      const active = await admin().get('?status=active&limit=100').expect(200);
      expect((active.body.data as { slug: string }[]).map((t) => t.slug)).not.toContain('filterme');
    });
  });

  describe('changes (each invalidates the caches and is audited)', () => {
    it('changes the tier', async () => {
      const tenant = await create('tiered', 'STARTER');
      await app.get(TenantLookupService).findById(tenant.id);
      const response = await admin().put(`/${tenant.id}/tier`, { tier: 'ENTERPRISE' }).expect(200);
      expect(response.body).toMatchObject({ tier: 'ENTERPRISE', limits: { maxUsers: 'unlimited' } });
      expect((await app.get(TenantLookupService).findById(tenant.id))?.tier).toBe('ENTERPRISE');
      expect(audit.events).toContainEqual(
        expect.objectContaining({
          action: TenancyAuditAction.TenantTierChanged,
          metadata: { from: 'STARTER', to: 'ENTERPRISE' },
        }),
      );
      expectApiError(await admin().put(`/${tenant.id}/tier`, { tier: 'PLATINUM' }), 400, 'validation_error');
      expectApiError(
        await admin().put('/0123456789abcdef01234567/tier', { tier: 'STARTER' }),
        404,
        'tenant_not_found',
      );
    });

    it('suspends and activates', async () => {
      const tenant = await create('onoff');
      expect((await admin().post(`/${tenant.id}/suspend`).expect(200)).body.isActive).toBe(false);
      expect((await app.get(TenantLookupService).findById(tenant.id))?.isActive).toBe(false);
      expect((await admin().post(`/${tenant.id}/activate`).expect(200)).body.isActive).toBe(true);
      expect((await app.get(TenantLookupService).findById(tenant.id))?.isActive).toBe(true);
      expect(audit.events.map((event) => event.action)).toEqual(
        expect.arrayContaining([TenancyAuditAction.TenantSuspended, TenancyAuditAction.TenantActivated]),
      );
    });

    it('changes the slug, refusing taken or invalid ones', async () => {
      const tenant = await create('renameme');
      await create('taken');
      expectApiError(await admin().put(`/${tenant.id}/slug`, { slug: 'taken' }), 409, 'conflict');
      expectApiError(await admin().put(`/${tenant.id}/slug`, { slug: 'www' }), 400, 'validation_error');
      expect((await admin().put(`/${tenant.id}/slug`, { slug: 'renamed' }).expect(200)).body.slug).toBe(
        'renamed',
      );
      expect(await app.get(TenantLookupService).findBySlug('renameme')).toBeNull();
      expect((await app.get(TenantLookupService).findBySlug('renamed'))?.id).toBe(tenant.id);
    });

    it('sets and removes limit overrides', async () => {
      const tenant = await create('limited', 'STARTER');
      const set = await admin()
        .put(`/${tenant.id}/limits`, { maxUsers: 25, transactionsPerMonth: 'unlimited' })
        .expect(200);
      expect(set.body).toMatchObject({
        limits: { maxUsers: 25, transactionsPerMonth: 'unlimited', apiRequestsPerMinute: 60 },
        limitOverrides: { maxUsers: 25, transactionsPerMonth: 'unlimited' },
      });
      expect((await app.get(TenantLookupService).findById(tenant.id))?.limits.maxUsers).toBe(25);
      const cleared = await admin().put(`/${tenant.id}/limits`, { maxUsers: null }).expect(200);
      expect(cleared.body.limits.maxUsers).toBe(10);
      expectApiError(await admin().put(`/${tenant.id}/limits`, { maxUsers: 1.5 }), 400, 'validation_error');
      expectApiError(await admin().put(`/${tenant.id}/limits`, { maxUsers: 1e30 }), 400, 'validation_error');
    });
  });

  describe('custom domains', () => {
    it('adds a pending domain with a verification token; it resolves only once verified; removal retires it', async () => {
      const tenant = await create('domained');
      const added = await admin().post(`/${tenant.id}/domains`, { hostname: 'Pay.Domained.com' }).expect(201);
      expect(added.body.domains).toEqual([
        expect.objectContaining({
          hostname: 'pay.domained.com',
          status: 'PENDING',
          verificationToken: expect.stringMatching(/^[\w-]{32}$/),
        }),
      ]);
      const lookup = app.get(TenantLookupService);
      expect(await lookup.findByVerifiedDomain('pay.domained.com')).toBeNull();

      const verified = await admin().post(`/${tenant.id}/domains/pay.domained.com/verify`).expect(200);
      expect(verified.body.domains[0]).toMatchObject({ status: 'VERIFIED', verifiedAt: expect.any(String) });
      expect((await lookup.findByVerifiedDomain('pay.domained.com'))?.id).toBe(tenant.id);

      await admin().delete(`/${tenant.id}/domains/pay.domained.com`).expect(200);
      expect(await lookup.findByVerifiedDomain('pay.domained.com')).toBeNull();
      expect(audit.events.map((event) => event.action)).toEqual(
        expect.arrayContaining([
          TenancyAuditAction.TenantDomainAdded,
          TenancyAuditAction.TenantDomainVerified,
          TenancyAuditAction.TenantDomainRemoved,
        ]),
      );
    });

    it('refuses a domain this tenant has, or another tenant has verified, with 409; a pending one holds nothing', async () => {
      const first = await create('owner-one');
      const second = await create('owner-two');
      const third = await create('owner-three');
      await admin().post(`/${first.id}/domains`, { hostname: 'shared.example.org' }).expect(201);
      expectApiError(
        await admin().post(`/${first.id}/domains`, { hostname: 'shared.example.org' }),
        409,
        'conflict',
      );
      await admin().post(`/${second.id}/domains`, { hostname: 'shared.example.org' }).expect(201);
      await admin().post(`/${second.id}/domains/shared.example.org/verify`).expect(200);
      expectApiError(
        await admin().post(`/${third.id}/domains`, { hostname: 'shared.example.org' }),
        409,
        'conflict',
      );
      expectApiError(await admin().post(`/${first.id}/domains/shared.example.org/verify`), 404, 'not_found');
    });

    it.each([
      ['a platform host', 'evil.tenantpay.test'],
      ['the base domain', 'tenantpay.test'],
      ['a port', 'pay.example.org:8443'],
      ['an IP address', '10.0.0.1'],
      ['a single label', 'localhost'],
      ['garbage', 'pay_example.org'],
    ])('refuses %s as a custom domain', async (_label, hostname) => {
      const tenant = await create(`bad-domain-${Math.random().toString(36).slice(2, 8)}`);
      expectApiError(await admin().post(`/${tenant.id}/domains`, { hostname }), 400, 'validation_error');
    });

    it('keeps custom domains to tiers with white-label', async () => {
      const tenant = await create('no-white-label', 'PROFESSIONAL');
      expectApiError(
        await admin().post(`/${tenant.id}/domains`, { hostname: 'pay.nwl.com' }),
        403,
        'feature_not_in_tier',
      );
    });

    it('answers 404 for a domain the tenant does not have', async () => {
      const tenant = await create('nodomains');
      expectApiError(await admin().post(`/${tenant.id}/domains/none.example.org/verify`), 404, 'not_found');
      expectApiError(await admin().delete(`/${tenant.id}/domains/none.example.org`), 404, 'not_found');
      expectApiError(
        await admin().delete('/0123456789abcdef01234567/domains/none.example.org'),
        404,
        'tenant_not_found',
      );
    });
  });
});
