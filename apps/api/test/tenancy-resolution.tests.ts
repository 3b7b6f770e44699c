import { Controller, Get } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AllowSuspendedTenant,
  BypassTenantIsolation,
  CurrentPrincipal,
  CurrentTenant,
  DomainStatus,
  Feature,
  type Principal,
  Public,
  RequireFeature,
  Roles,
  Scopes,
  TenancyAuditAction,
  TenantAdminService,
  TenantContextService,
  TenantLookupService,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import { ObjectId } from 'mongodb';
import { PinoLogger } from 'nestjs-pino';
import { symbols } from 'pino';
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

const tenantContext = new TenantContextService();

function writtenLogFields(logger: PinoLogger): Record<string, unknown> {
  const pino = logger.logger as unknown as Record<symbol, unknown>;
  const mixin = pino[symbols.mixinSym] as (() => Record<string, unknown>) | undefined;
  return { ...logger.logger.bindings(), ...mixin?.() };
}

@Controller('probe')
class ResolutionProbeController {
  constructor(private readonly logger: PinoLogger) {}

  /** What resolution concluded, for any caller and any tenant state. */
  @Public()
  @AllowSuspendedTenant()
  @Get('whoami')
  whoami() {
    const context = tenantContext.current();
    return {
      tenantId: context?.tenant?.id ?? null,
      resolvedBy: context?.resolvedBy ?? null,
      principal: context?.principal?.kind ?? null,
      // What pino adds to a line written now, with the fields the application gave it (its `mixin`).
      logTenantId: writtenLogFields(this.logger)['tenantId'] ?? null,
    };
  }

  @Public()
  @Get('public')
  publicRoute() {
    return { tenantId: tenantContext.current()?.tenant?.id ?? null };
  }

  @Get('tenant')
  tenantRoute(@CurrentTenant() tenant: TenantSnapshot, @CurrentPrincipal() principal: Principal) {
    return { tenantId: tenant.id, principal: principal.kind };
  }

  @Roles('ADMIN')
  @Get('admins-only')
  adminsOnly() {
    return { ok: true };
  }

  @Roles('ADMIN')
  @Scopes('payments:read')
  @Get('payments')
  payments() {
    return { ok: true };
  }

  @RequireFeature(Feature.Analytics)
  @Get('analytics')
  analytics() {
    return { ok: true };
  }

  @BypassTenantIsolation('probe: cross-tenant read')
  @Roles('SUPER_ADMIN')
  @Get('platform')
  platform() {
    return {
      platformScope: tenantContext.platformScope()?.reason ?? null,
      tenantId: tenantContext.current()?.tenant?.id ?? null,
    };
  }
}

const BASE = 'tenantpay.test';

describe('tenant resolution (SPEC §4) through the real HTTP stack', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  const audit = new RecordingAuditSink();
  let app: NestFastifyApplication;
  let bank1: TenantSnapshot & { id: string };
  let bank2: { id: string };
  let starter: { id: string };
  let suspended: { id: string };

  beforeAll(async () => {
    app = await createTenancyTestApp(testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }), {
      controllers: [ResolutionProbeController],
      audit,
    });
    const admin = app.get(TenantAdminService);
    bank1 = (await admin.create({ slug: 'bank1', name: 'Bank One', tier: Tier.Enterprise })) as never;
    bank2 = await admin.create({ slug: 'bank2', name: 'Bank Two', tier: Tier.Enterprise });
    starter = await admin.create({ slug: 'smallco', name: 'Small Co', tier: Tier.Starter });
    suspended = await admin.create({ slug: 'frozen', name: 'Frozen', tier: Tier.Professional });
    await admin.suspend(suspended.id);
    await admin.addDomain(bank1.id, 'pay.bank1.com');
    await markDomainVerified(bank1.id, 'pay.bank1.com');
    await admin.addDomain(bank2.id, 'pay.bank2.com');
    await markDomainVerified(bank2.id, 'pay.bank2.com');
    await admin.addDomain(bank2.id, 'pending.bank2.com');
  });
  afterAll(async () => {
    await app.close();
  });
  beforeEach(() => {
    audit.events.length = 0;
  });

  /**
   * Seeds a verified domain directly in the database. TenantAdminService.verifyDomain is exercised in
   * tenancy-admin.tests.ts; here only the resolution of a verified domain matters.
   */
  async function markDomainVerified(tenantId: string, hostname: string): Promise<void> {
    const tenants = mongo.db.collection<{ domains: Record<string, unknown>[] }>('tenants');
    const tenant = await tenants.findOne({ _id: new ObjectId(tenantId) });
    const domains = (tenant?.domains ?? []).map((domain) =>
      domain['hostname'] === hostname
        ? { ...domain, status: DomainStatus.Verified, verifiedAt: new Date() }
        : domain,
    );
    await tenants.updateOne({ _id: new ObjectId(tenantId) }, { $set: { domains } });
    await app.get(TenantLookupService).invalidate(await app.get(TenantLookupService).findById(tenantId));
  }

  const http = () => request(app.getHttpServer());
  const whoami = (headers: Record<string, string>) => http().get('/v1/probe/whoami').set(headers);

  describe('each strategy alone', () => {
    it('resolves X-Tenant-ID carrying a tenant id', async () => {
      const response = await whoami({ 'X-Tenant-ID': bank1.id }).expect(200);
      expect(response.body).toMatchObject({ tenantId: bank1.id, resolvedBy: 'header', principal: null });
    });

    it('resolves X-Tenant-ID carrying a slug, in any case and with spaces', async () => {
      expect((await whoami({ 'X-Tenant-ID': 'bank1' }).expect(200)).body.tenantId).toBe(bank1.id);
      expect((await whoami({ 'X-Tenant-ID': ' BANK1 ' }).expect(200)).body.tenantId).toBe(bank1.id);
      expect((await whoami({ 'X-Tenant-ID': bank1.id.toUpperCase() }).expect(200)).body.tenantId).toBe(
        bank1.id,
      );
    });

    it.each([
      ['a value with spaces inside', 'bank 1'],
      ['two values', `${'bank1'}, bank2`],
      ['an empty value', ''],
      ['punctuation', 'bank1;drop'],
      ['an operator', '{"$ne":null}'],
      ['an overlong label', 'a'.repeat(64)],
    ])('refuses X-Tenant-ID with %s as 400 validation_error', async (_label, value) => {
      const response = await whoami({ 'X-Tenant-ID': value });
      expectApiError(response, 400, 'validation_error');
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'X-Tenant-ID' })]);
    });

    it.each([
      [`bank1.${BASE}`],
      [`bank1.${BASE}:8443`],
      [`BANK1.${BASE.toUpperCase()}`],
      [`bank1.${BASE}.`],
      [`www.bank1.${BASE}`],
      [`api.bank1.${BASE}`],
    ])('resolves the subdomain host %s', async (host) => {
      const response = await whoami({ Host: host }).expect(200);
      expect(response.body).toMatchObject({ tenantId: bank1.id, resolvedBy: 'subdomain' });
    });

    it.each([[BASE], [`${BASE}:3000`], [`www.${BASE}`], [`api.${BASE}`], ['127.0.0.1:3000'], ['localhost']])(
      'resolves no tenant from the platform host %s',
      async (host) => {
        const response = await whoami({ Host: host }).expect(200);
        expect(response.body).toMatchObject({ tenantId: null, resolvedBy: null });
      },
    );

    it('resolves a verified custom domain, with port and in any case', async () => {
      const response = await whoami({ Host: 'Pay.Bank1.com:443' }).expect(200);
      expect(response.body).toMatchObject({ tenantId: bank1.id, resolvedBy: 'custom_domain' });
    });

    it('does not resolve an unverified custom domain', async () => {
      expect((await whoami({ Host: 'pending.bank2.com' }).expect(200)).body.tenantId).toBeNull();
    });

    it('resolves the tenant of a credential', async () => {
      const response = await whoami({ [TEST_CREDENTIAL_HEADER]: asUser(bank1.id) }).expect(200);
      expect(response.body).toMatchObject({ tenantId: bank1.id, resolvedBy: 'jwt', principal: 'user' });
    });

    it('adds the tenant id to every log line written while serving the request', async () => {
      expect((await whoami({ 'X-Tenant-ID': bank1.id }).expect(200)).body.logTenantId).toBe(bank1.id);
      expect((await whoami({}).expect(200)).body.logTenantId).toBeNull();
    });
  });

  describe('agreeing references', () => {
    it.each([
      ['header (id) and subdomain', () => ({ 'X-Tenant-ID': bank1.id, Host: `bank1.${BASE}` })],
      ['header (slug) and custom domain', () => ({ 'X-Tenant-ID': 'bank1', Host: 'pay.bank1.com' })],
      [
        'credential and header',
        () => ({ [TEST_CREDENTIAL_HEADER]: asUser(bank1.id), 'X-Tenant-ID': 'bank1' }),
      ],
      [
        'credential and subdomain',
        () => ({ [TEST_CREDENTIAL_HEADER]: asUser(bank1.id), Host: `bank1.${BASE}` }),
      ],
      [
        'credential, header and host',
        () => ({
          [TEST_CREDENTIAL_HEADER]: asUser(bank1.id),
          'X-Tenant-ID': bank1.id,
          Host: 'pay.bank1.com',
        }),
      ],
    ])('serves %s naming the same tenant', async (_label, headers) => {
      expect((await whoami(headers()).expect(200)).body.tenantId).toBe(bank1.id);
    });

    it('takes the resolving method of the most trusted reference', async () => {
      const response = await whoami({
        [TEST_CREDENTIAL_HEADER]: asUser(bank1.id),
        Host: `bank1.${BASE}`,
      }).expect(200);
      expect(response.body.resolvedBy).toBe('jwt');
    });
  });

  describe('conflicting references: 403 tenant_mismatch, audited, never one of them', () => {
    it.each([
      [
        'credential vs header',
        () => ({ [TEST_CREDENTIAL_HEADER]: asUser(bank1.id), 'X-Tenant-ID': bank2.id }),
      ],
      [
        'credential vs subdomain',
        () => ({ [TEST_CREDENTIAL_HEADER]: asUser(bank1.id), Host: `bank2.${BASE}` }),
      ],
      [
        'credential vs custom domain',
        () => ({ [TEST_CREDENTIAL_HEADER]: asUser(bank1.id), Host: 'pay.bank2.com' }),
      ],
      [
        'API key vs header',
        () => ({ [TEST_CREDENTIAL_HEADER]: asApiKey(bank1.id, 'payments:read'), 'X-Tenant-ID': 'bank2' }),
      ],
      ['header vs subdomain', () => ({ 'X-Tenant-ID': bank1.id, Host: `bank2.${BASE}` })],
      ['header vs custom domain', () => ({ 'X-Tenant-ID': 'bank2', Host: 'pay.bank1.com' })],
      [
        'credential vs unknown header',
        () => ({ [TEST_CREDENTIAL_HEADER]: asUser(bank1.id), 'X-Tenant-ID': 'nosuchbank' }),
      ],
      ['unknown header vs subdomain', () => ({ 'X-Tenant-ID': 'nosuchbank', Host: `bank1.${BASE}` })],
      ['header vs unknown subdomain', () => ({ 'X-Tenant-ID': 'bank1', Host: `nosuchbank.${BASE}` })],
      [
        'credential vs unverified domain',
        () => ({ [TEST_CREDENTIAL_HEADER]: asUser(bank2.id), Host: 'pending.bank2.com' }),
      ],
    ])('%s', async (_label, headers) => {
      for (const path of ['/v1/probe/whoami', '/v1/probe/tenant', '/v1/probe/public']) {
        const response = await http().get(path).set(headers());
        expectApiError(response, 403, 'tenant_mismatch');
        expect(JSON.stringify(response.body)).not.toContain(bank2.id);
      }
      expect(audit.events).toHaveLength(3);
      expect(audit.events.every((event) => event.action === TenancyAuditAction.TenantMismatch)).toBe(true);
      expect(audit.events[0]).toMatchObject({
        outcome: 'denied',
        requestId: expect.any(String),
        ip: expect.any(String),
      });
    });

    it('records who tried and what was named', async () => {
      await whoami({ [TEST_CREDENTIAL_HEADER]: asUser(bank1.id), 'X-Tenant-ID': bank2.id }).expect(403);
      expect(audit.events[0]).toMatchObject({
        tenantId: bank1.id,
        actor: { type: 'user', id: 'u-1' },
        metadata: {
          references: expect.arrayContaining([
            expect.objectContaining({ method: 'jwt', tenantId: bank1.id }),
            expect.objectContaining({
              method: 'header',
              named: { by: 'id', value: bank2.id },
              otherTenant: true,
            }),
          ]),
        },
      });
    });

    it("never tells the credential's tenant, in its own audit trail, the id of a tenant named by host", async () => {
      await whoami({ [TEST_CREDENTIAL_HEADER]: asUser(bank1.id), Host: `bank2.${BASE}` }).expect(403);
      await whoami({ [TEST_CREDENTIAL_HEADER]: asUser(bank1.id), Host: 'pay.bank2.com' }).expect(403);
      expect(audit.events).toHaveLength(2);
      for (const event of audit.events) {
        expect(event.tenantId).toBe(bank1.id);
        expect(JSON.stringify(event.metadata)).not.toContain(bank2.id);
      }
    });

    it('keeps every resolved tenant id in a platform-scoped event (no credential)', async () => {
      await whoami({ 'X-Tenant-ID': bank1.id, Host: `bank2.${BASE}` }).expect(403);
      expect(audit.events[0]).toMatchObject({
        tenantId: null,
        metadata: {
          references: expect.arrayContaining([
            expect.objectContaining({ method: 'subdomain', tenantId: bank2.id }),
          ]),
        },
      });
    });
  });

  describe('unknown tenants', () => {
    it('gives a credential naming a tenant that does not exist 401', async () => {
      const response = await whoami({ [TEST_CREDENTIAL_HEADER]: asUser('0123456789abcdef01234567') });
      expectApiError(response, 401, 'unauthorized');
    });

    it('gives an invalid credential 401 even on public routes', async () => {
      expectApiError(await whoami({ [TEST_CREDENTIAL_HEADER]: 'invalid' }), 401, 'unauthorized');
    });

    it('resolves an unknown header or host to no tenant without refusing by itself', async () => {
      expect((await whoami({ 'X-Tenant-ID': 'nosuchbank' }).expect(200)).body.tenantId).toBeNull();
      expect(
        (await whoami({ 'X-Tenant-ID': '0123456789abcdef01234567' }).expect(200)).body.tenantId,
      ).toBeNull();
      expect((await whoami({ Host: `nosuchbank.${BASE}` }).expect(200)).body.tenantId).toBeNull();
      expect((await whoami({ Host: 'unknown-domain.example.org' }).expect(200)).body.tenantId).toBeNull();
    });

    it('answers an unauthenticated caller 401 on tenant routes whether or not the tenant exists', async () => {
      for (const headers of [
        { 'X-Tenant-ID': 'nosuchbank' },
        { 'X-Tenant-ID': 'bank1' },
        { Host: `nosuchbank.${BASE}` },
        { Host: `bank1.${BASE}` },
        {},
      ]) {
        expectApiError(await http().get('/v1/probe/tenant').set(headers), 401, 'unauthorized');
      }
    });

    it('answers an authenticated caller 404 tenant_not_found for an unknown tenant', async () => {
      const response = await http()
        .get('/v1/probe/tenant')
        .set({ [TEST_CREDENTIAL_HEADER]: asSuperAdmin(), Host: `nosuchbank.${BASE}` });
      expectApiError(response, 404, 'tenant_not_found');
    });
  });

  describe('tenant guard', () => {
    it("serves a tenant user on their own tenant's routes", async () => {
      const response = await http()
        .get('/v1/probe/tenant')
        .set(TEST_CREDENTIAL_HEADER, asUser(bank1.id))
        .expect(200);
      expect(response.body).toEqual({ tenantId: bank1.id, principal: 'user' });
    });

    it('refuses platform users on tenant routes', async () => {
      expectApiError(
        await http().get('/v1/probe/tenant').set(TEST_CREDENTIAL_HEADER, asSuperAdmin()),
        403,
        'forbidden',
      );
      const withTenant = await http()
        .get('/v1/probe/tenant')
        .set({ [TEST_CREDENTIAL_HEADER]: asSuperAdmin(), 'X-Tenant-ID': bank1.id });
      expectApiError(withTenant, 403, 'forbidden');
    });

    it('answers 403 tenant_suspended for a suspended tenant, except on routes that allow it', async () => {
      expectApiError(
        await http().get('/v1/probe/tenant').set(TEST_CREDENTIAL_HEADER, asUser(suspended.id)),
        403,
        'tenant_suspended',
      );
      expectApiError(
        await http().get('/v1/probe/public').set('Host', `frozen.${BASE}`),
        403,
        'tenant_suspended',
      );
      expect((await whoami({ Host: `frozen.${BASE}` }).expect(200)).body.tenantId).toBe(suspended.id);
    });

    it('lets only SUPER_ADMIN platform users through bypass routes, in the platform scope, audited', async () => {
      const response = await http()
        .get('/v1/probe/platform')
        .set(TEST_CREDENTIAL_HEADER, asSuperAdmin())
        .expect(200);
      expect(response.body).toEqual({ platformScope: 'probe: cross-tenant read', tenantId: null });
      expect(audit.events).toEqual([
        expect.objectContaining({
          action: TenancyAuditAction.PlatformBypassUsed,
          actor: { type: 'platform-user', id: 'p-1' },
          metadata: { reason: 'probe: cross-tenant read' },
        }),
      ]);

      expectApiError(await http().get('/v1/probe/platform'), 401, 'unauthorized');
      expectApiError(
        await http().get('/v1/probe/platform').set(TEST_CREDENTIAL_HEADER, asUser(bank1.id)),
        403,
        'forbidden',
      );
      expectApiError(
        await http().get('/v1/probe/platform').set(TEST_CREDENTIAL_HEADER, 'platform:SUPPORT'),
        403,
        'forbidden',
      );
      expectApiError(
        await http()
          .get('/v1/probe/platform')
          .set(TEST_CREDENTIAL_HEADER, asApiKey(bank1.id, 'payments:read')),
        403,
        'forbidden',
      );
      expect(audit.events).toHaveLength(1);
    });

    it.each([
      ['its subdomain', `bank1.${BASE}`],
      ['its subdomain behind the platform label', `admin.bank1.${BASE}`],
      ['its verified custom domain', 'pay.bank1.com'],
      ["another bank's custom domain", 'pay.bank2.com'],
      ['a pending custom domain', 'pending.bank2.com'],
      ['a subdomain no bank owns', `nosuchbank.${BASE}`],
    ])(
      "refuses a super-admin token on a bank's host (%s): 403, audited, handler never run",
      async (_, host) => {
        const response = await http()
          .get('/v1/probe/platform')
          .set({ [TEST_CREDENTIAL_HEADER]: asSuperAdmin(), Host: host });
        expectApiError(response, 403, 'forbidden');
        expect(audit.events).toEqual([
          expect.objectContaining({
            action: TenancyAuditAction.PlatformRouteOnTenantHost,
            outcome: 'denied',
            tenantId: null,
            actor: { type: 'platform-user', id: 'p-1' },
            metadata: { host: host.toLowerCase() },
          }),
        ]);
      },
    );

    it.each([[`admin.${BASE}`], [`ADMIN.${BASE}:443`], [BASE], ['localhost:3000'], ['127.0.0.1:3000']])(
      'serves platform routes on the platform host, the bare base domain and server-to-server hosts (%s)',
      async (host) => {
        const response = await http()
          .get('/v1/probe/platform')
          .set({ [TEST_CREDENTIAL_HEADER]: asSuperAdmin(), Host: host })
          .expect(200);
        expect(response.body).toEqual({ platformScope: 'probe: cross-tenant read', tenantId: null });
      },
    );
  });

  describe('roles, scopes and tier features', () => {
    it('requires one of the roles of a user', async () => {
      await http()
        .get('/v1/probe/admins-only')
        .set(TEST_CREDENTIAL_HEADER, asUser(bank1.id, 'ADMIN'))
        .expect(200);
      const viewer = await http()
        .get('/v1/probe/admins-only')
        .set(TEST_CREDENTIAL_HEADER, asUser(bank1.id, 'VIEWER'));
      expectApiError(viewer, 403, 'forbidden');
    });

    it('closes routes without scopes to API keys', async () => {
      const response = await http()
        .get('/v1/probe/admins-only')
        .set(TEST_CREDENTIAL_HEADER, asApiKey(bank1.id, 'payments:read'));
      expectApiError(response, 403, 'forbidden');
      expectApiError(
        await http().get('/v1/probe/tenant').set(TEST_CREDENTIAL_HEADER, asApiKey(bank1.id, 'payments:read')),
        403,
        'forbidden',
      );
    });

    it('requires every scope of an API key', async () => {
      await http()
        .get('/v1/probe/payments')
        .set(TEST_CREDENTIAL_HEADER, asApiKey(bank1.id, 'payments:read'))
        .expect(200);
      const response = await http()
        .get('/v1/probe/payments')
        .set(TEST_CREDENTIAL_HEADER, asApiKey(bank1.id, 'usage:read'));
      expectApiError(response, 403, 'forbidden');
      await http()
        .get('/v1/probe/payments')
        .set(TEST_CREDENTIAL_HEADER, asUser(bank1.id, 'ADMIN'))
        .expect(200);
    });

    it("requires the feature in the tenant's tier", async () => {
      await http().get('/v1/probe/analytics').set(TEST_CREDENTIAL_HEADER, asUser(bank1.id)).expect(200);
      const response = await http()
        .get('/v1/probe/analytics')
        .set(TEST_CREDENTIAL_HEADER, asUser(starter.id));
      expectApiError(response, 403, 'feature_not_in_tier');
    });
  });
});
