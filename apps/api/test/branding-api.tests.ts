import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  TenantAdminService,
  type TenantBranding,
  TenantContextService,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import request from 'supertest';
import { seedTenant } from './identity-test-app';
import {
  asUser,
  createTenancyTestApp,
  expectApiError,
  TEST_CREDENTIAL_HEADER,
} from './support/tenancy-test-app';

const BASE_DOMAIN = 'tenantpay.test';
const PUBLIC_FIELDS = [
  'displayName',
  'logoUrl',
  'primaryColor',
  'onPrimaryColor',
  'secondaryColor',
  'onSecondaryColor',
  'supportEmail',
  'supportUrl',
  'locale',
];

describe('white-label branding: /v1/branding (SPEC §10)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;
  let enterprise: TenantSnapshot;
  let starter: TenantSnapshot;

  const asPlatform = <T>(work: (admin: TenantAdminService) => Promise<T>) =>
    app.get(TenantContextService).runAsPlatform('test setup', () => work(app.get(TenantAdminService)));
  const setBranding = (tenant: TenantSnapshot, branding: TenantBranding) =>
    asPlatform((admin) => admin.updateBranding(tenant.id, branding));
  const branding = (host: string) => request(app.getHttpServer()).get('/v1/branding').set('Host', host);
  const hostOf = (tenant: TenantSnapshot) => `${tenant.slug}.${BASE_DOMAIN}`;
  const put = (tenant: TenantSnapshot, body: object, role = 'ADMIN') =>
    request(app.getHttpServer())
      .put('/v1/branding')
      .set('Host', hostOf(tenant))
      .set(TEST_CREDENTIAL_HEADER, asUser(tenant.id, role))
      .send(body);

  beforeAll(async () => {
    app = await createTenancyTestApp(testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }));
    enterprise = await seedTenant(app, Tier.Enterprise);
    starter = await seedTenant(app, Tier.Starter);
    await setBranding(enterprise, {
      displayName: 'First Bank',
      logoUrl: 'https://cdn.first.example/logo.svg',
      primaryColor: '#112233',
      secondaryColor: '#AABBCC',
      supportEmail: 'help@first.example',
    });
    await setBranding(starter, { displayName: 'Second Credit Union', primaryColor: '#445566' });
  });
  afterAll(async () => {
    await app.close();
  });

  describe('GET (public)', () => {
    it("shows each tenant's own brand on its subdomain, and nothing but the public fields", async () => {
      const first = await branding(hostOf(enterprise)).expect(200);
      const second = await branding(hostOf(starter)).expect(200);
      expect(first.body).toEqual({
        displayName: 'First Bank',
        logoUrl: 'https://cdn.first.example/logo.svg',
        primaryColor: '#112233',
        onPrimaryColor: '#ffffff',
        secondaryColor: '#AABBCC',
        onSecondaryColor: '#000000',
        supportEmail: 'help@first.example',
        supportUrl: null,
        locale: 'en-GB',
      });
      expect(second.body).toEqual(
        expect.objectContaining({ displayName: 'Second Credit Union', primaryColor: '#445566' }),
      );
      for (const response of [first, second])
        expect(Object.keys(response.body).sort()).toEqual([...PUBLIC_FIELDS].sort());
      expect(JSON.stringify(second.body)).not.toContain('First Bank');
    });

    it('falls back to the tenant name as display name', async () => {
      const plain = await seedTenant(app, Tier.Professional);
      const response = await branding(hostOf(plain)).expect(200);
      expect(response.body).toEqual({
        displayName: plain.name,
        logoUrl: null,
        primaryColor: null,
        onPrimaryColor: null,
        secondaryColor: null,
        onSecondaryColor: null,
        supportEmail: null,
        supportUrl: null,
        locale: 'en-GB',
      });
    });

    it('resolves a verified custom domain, but not a pending one', async () => {
      await asPlatform(async (admin) => {
        await admin.addDomain(enterprise.id, 'pay.first-bank.example');
        await admin.verifyDomain(enterprise.id, 'pay.first-bank.example');
      });
      const other = await seedTenant(app, Tier.Enterprise);
      await setBranding(other, { displayName: 'Third Savings' });
      await asPlatform(async (admin) => {
        await admin.addDomain(other.id, 'pay.third.example');
        await admin.verifyDomain(other.id, 'pay.third.example');
        await admin.addDomain(other.id, 'pending.third.example');
      });

      expect((await branding('pay.first-bank.example').expect(200)).body.displayName).toBe('First Bank');
      expect((await branding('PAY.third.example.:443').expect(200)).body.displayName).toBe('Third Savings');
      expectApiError(await branding('pending.third.example'), 404, 'tenant_not_found');
    });

    it('also resolves by the X-Tenant-ID header', async () => {
      const response = await request(app.getHttpServer())
        .get('/v1/branding')
        .set('X-Tenant-ID', starter.id)
        .expect(200);
      expect(response.body.displayName).toBe('Second Credit Union');
    });

    it('answers 404 tenant_not_found for an unknown or missing tenant', async () => {
      expectApiError(await branding(`nosuchbank.${BASE_DOMAIN}`), 404, 'tenant_not_found');
      expectApiError(await branding('unknown.example.org'), 404, 'tenant_not_found');
      expectApiError(await branding(BASE_DOMAIN), 404, 'tenant_not_found');
    });

    it('is cacheable: a strong ETag over the body, public max-age 60, and 304 on If-None-Match', async () => {
      const first = await branding(hostOf(enterprise)).expect(200);
      const etag = first.headers['etag'] as string;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(first.headers['cache-control']).toBe('public, max-age=60');
      expect(first.headers['vary']).toMatch(/X-Tenant-ID/i);

      const again = await branding(hostOf(enterprise)).expect(200);
      expect(again.headers['etag']).toBe(etag);

      const notModified = await branding(hostOf(enterprise)).set('If-None-Match', etag).expect(304);
      expect(notModified.text).toBe('');
      expect(notModified.headers['etag']).toBe(etag);
      await branding(hostOf(enterprise)).set('If-None-Match', `"other", W/${etag}`).expect(304);

      // Another tenant's tag never matches this tenant's branding.
      const otherEtag = (await branding(hostOf(starter)).expect(200)).headers['etag'] as string;
      expect(otherEtag).not.toBe(etag);
      await branding(hostOf(starter)).set('If-None-Match', etag).expect(200);
    });

    it('is still served for a suspended tenant, whose other routes answer tenant_suspended', async () => {
      const suspended = await seedTenant(app, Tier.Enterprise);
      await setBranding(suspended, { displayName: 'Paused Bank' });
      await asPlatform((admin) => admin.suspend(suspended.id));
      expect((await branding(hostOf(suspended)).expect(200)).body.displayName).toBe('Paused Bank');
      expectApiError(await put(suspended, { displayName: 'Changed' }), 403, 'tenant_suspended');
    });
  });

  describe('PUT (tenant admins, WHITE_LABEL)', () => {
    it('replaces the branding, and the next GET shows it at once (caches invalidated)', async () => {
      const tenant = await seedTenant(app, Tier.Enterprise);
      await setBranding(tenant, { displayName: 'Before', supportUrl: 'https://help.before.example' });
      const before = await branding(hostOf(tenant)).expect(200); // warms every cache level
      const body = {
        displayName: 'After',
        logoUrl: 'https://cdn.after.example/logo.png',
        primaryColor: '#00ff00',
        secondaryColor: '#0000FF',
        supportEmail: 'support@after.example',
      };
      const response = await put(tenant, body).expect(200);
      const shown = {
        ...body,
        onPrimaryColor: '#000000',
        onSecondaryColor: '#ffffff',
        supportUrl: null,
        locale: 'en-GB',
      };
      // Bright green buttons are faint on the white page: accepted, with the warning.
      expect(response.body).toEqual({
        ...shown,
        warnings: [expect.objectContaining({ code: 'low_contrast', param: 'primaryColor', against: 'page' })],
      });

      const after = await branding(hostOf(tenant)).expect(200);
      expect(after.body).toEqual(shown);
      expect(after.headers['etag']).not.toBe(before.headers['etag']);
      await branding(hostOf(tenant))
        .set('If-None-Match', before.headers['etag'] as string)
        .expect(200);
    });

    it('gives a bright secondary colour dark text, and distinct colours no warning', async () => {
      const tenant = await seedTenant(app, Tier.Enterprise);
      const response = await put(tenant, { primaryColor: '#112233', secondaryColor: '#FFE600' }).expect(200);
      expect(response.body).toEqual(
        expect.objectContaining({ onPrimaryColor: '#ffffff', onSecondaryColor: '#000000', warnings: [] }),
      );
    });

    it("sets the locale the tenant's dates and amounts are written in, in canonical form", async () => {
      const tenant = await seedTenant(app, Tier.Enterprise);
      expect((await put(tenant, { locale: 'de-de' }).expect(200)).body.locale).toBe('de-DE');
      expect((await branding(hostOf(tenant)).expect(200)).body.locale).toBe('de-DE');
      await put(tenant, {}).expect(200);
      expect((await branding(hostOf(tenant)).expect(200)).body.locale).toBe('en-GB');
    });

    it('is refused to tiers without white-label (feature_not_in_tier)', async () => {
      expectApiError(await put(starter, { displayName: 'Nope' }), 403, 'feature_not_in_tier');
      expect((await branding(hostOf(starter)).expect(200)).body.displayName).toBe('Second Credit Union');
    });

    it('is refused to VIEWERs, anonymous callers and admins of another tenant', async () => {
      expectApiError(await put(enterprise, { displayName: 'Nope' }, 'VIEWER'), 403, 'forbidden');
      expectApiError(
        await request(app.getHttpServer())
          .put('/v1/branding')
          .set('Host', hostOf(enterprise))
          .send({ displayName: 'x' }),
        401,
        'unauthorized',
      );
      const intruder = await seedTenant(app, Tier.Enterprise);
      const attack = await request(app.getHttpServer())
        .put('/v1/branding')
        .set('Host', hostOf(enterprise))
        .set(TEST_CREDENTIAL_HEADER, asUser(intruder.id))
        .send({ displayName: 'Hijacked' });
      expectApiError(attack, 403, 'tenant_mismatch');
      expect((await branding(hostOf(enterprise)).expect(200)).body.displayName).toBe('First Bank');
    });

    it('validates every field', async () => {
      const invalid: object[] = [
        { logoUrl: 'http://cdn.example/logo.png' },
        { logoUrl: 'javascript:alert(1)' },
        { logoUrl: 'data:image/png;base64,AAAA' },
        { logoUrl: `https://cdn.example/${'a'.repeat(2100)}` },
        { primaryColor: 'red' },
        { primaryColor: '#12345' },
        { secondaryColor: '#1234567' },
        { supportEmail: 'not-an-email' },
        { supportUrl: 'ftp://help.example' },
        { displayName: '' },
        { displayName: 'x'.repeat(101) },
        { displayName: '<script>alert(1)</script>' },
        { displayName: 'line\nbreak' },
        { displayName: 42 },
        { locale: 'not a locale' },
        { locale: 'en_US' },
        { locale: 'xx-YY' },
        { locale: 'de-DE-x-'.concat('a'.repeat(40)) },
        { locale: 7 },
        { tier: 'ENTERPRISE' },
        { settings: { branding: {} } },
      ];
      for (const body of invalid) {
        expectApiError(await put(enterprise, body), 400, 'validation_error');
      }
      expect((await branding(hostOf(enterprise)).expect(200)).body.displayName).toBe('First Bank');
    });
  });
});
