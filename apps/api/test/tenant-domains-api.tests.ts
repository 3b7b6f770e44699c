import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import {
  CustomDomainStrategy,
  DNS_TXT_RESOLVER,
  type DnsTxtResolver,
  SECURITY_AUDIT_SINK,
  SubdomainStrategy,
  TENANT_RESOLUTION_STRATEGIES,
  TenancyAuditAction,
  TenantHeaderStrategy,
  type TenantResolutionStrategy,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis, startHttpTestApplication } from '@tenantpay/testing';
import request from 'supertest';
import { ApiModule } from '../src/api.module';
import { seedTenant } from './identity-test-app';
import {
  asSuperAdmin,
  asUser,
  expectApiError,
  RecordingAuditSink,
  TEST_CREDENTIAL_HEADER,
  TestCredentialStrategy,
} from './support/tenancy-test-app';

/** DNS answered from memory: what each name's TXT records are, or a resolver that cannot be reached. */
class FakeDnsTxtResolver implements DnsTxtResolver {
  readonly records = new Map<string, string[][]>();
  readonly queried: string[] = [];
  unreachable = false;

  async resolveTxt(name: string): Promise<string[][]> {
    this.queried.push(name);
    if (this.unreachable) throw Object.assign(new Error('queryTxt ESERVFAIL'), { code: 'ESERVFAIL' });
    return this.records.get(name) ?? [];
  }
}

interface DomainBody {
  hostname: string;
  status: 'PENDING' | 'VERIFIED';
  verificationToken: string;
  verificationRecord: { type: string; name: string; value: string };
  verifiedAt: string | null;
}

describe('tenant custom domains: /v1/domains (SPEC §10, ENTERPRISE white-label)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  const dns = new FakeDnsTxtResolver();
  const audit = new RecordingAuditSink();
  let app: NestFastifyApplication;
  let bankA: TenantSnapshot;
  let bankB: TenantSnapshot;
  let starter: TenantSnapshot;

  beforeAll(async () => {
    const config = testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url });
    @Module({ imports: [ApiModule.forRoot(config)] })
    class DomainsTestApiModule {}
    const moduleRef = await Test.createTestingModule({ imports: [DomainsTestApiModule] })
      .overrideProvider(TENANT_RESOLUTION_STRATEGIES)
      .useFactory({
        inject: [TenantHeaderStrategy, SubdomainStrategy, CustomDomainStrategy],
        factory: (...strategies: TenantResolutionStrategy[]) => [new TestCredentialStrategy(), ...strategies],
      })
      .overrideProvider(SECURITY_AUDIT_SINK)
      .useValue(audit)
      .overrideProvider(DNS_TXT_RESOLVER)
      .useValue(dns)
      .compile();
    app = await startHttpTestApplication(moduleRef);
    bankA = await seedTenant(app, Tier.Enterprise);
    bankB = await seedTenant(app, Tier.Enterprise);
    starter = await seedTenant(app, Tier.Starter);
  });
  afterAll(async () => {
    await app.close();
  });
  beforeEach(() => {
    audit.events.length = 0;
    dns.records.clear();
    dns.queried.length = 0;
    dns.unreachable = false;
  });

  const as = (tenant: TenantSnapshot, role = 'ADMIN') => {
    const agent = request(app.getHttpServer());
    const credential = asUser(tenant.id, role);
    return {
      list: () => agent.get('/v1/domains').set(TEST_CREDENTIAL_HEADER, credential),
      add: (body: object) => agent.post('/v1/domains').set(TEST_CREDENTIAL_HEADER, credential).send(body),
      verify: (hostname: string) =>
        agent
          .post(`/v1/domains/${encodeURIComponent(hostname)}/verify`)
          .set(TEST_CREDENTIAL_HEADER, credential),
      remove: (hostname: string) =>
        agent.delete(`/v1/domains/${encodeURIComponent(hostname)}`).set(TEST_CREDENTIAL_HEADER, credential),
    };
  };
  const brandingAt = (host: string) => request(app.getHttpServer()).get('/v1/branding').set('Host', host);

  it('adds a pending domain and answers the token and the TXT record to publish', async () => {
    const response = await as(bankA).add({ hostname: 'Pay.Bank-A.example' }).expect(201);
    const domain = response.body as DomainBody;
    expect(domain).toEqual({
      hostname: 'pay.bank-a.example',
      status: 'PENDING',
      verificationToken: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      verificationRecord: {
        type: 'TXT',
        name: '_tenantpay-verify.pay.bank-a.example',
        value: domain.verificationToken,
      },
      verifiedAt: null,
      createdAt: expect.any(String),
    });
    expect(audit.events).toContainEqual(
      expect.objectContaining({ action: TenancyAuditAction.TenantDomainAdded, tenantId: bankA.id }),
    );
    const listed = (await as(bankA).list().expect(200)).body as { data: DomainBody[] };
    expect(listed.data.map((d) => d.hostname)).toEqual(['pay.bank-a.example']);
    // Pending: it does not resolve to the tenant yet.
    expectApiError(await brandingAt('pay.bank-a.example'), 404, 'tenant_not_found');
  });

  it('does not verify without the TXT record, with the wrong token, or when DNS fails, and audits each failure', async () => {
    const record = '_tenantpay-verify.pay.bank-a.example';
    expectApiError(await as(bankA).verify('pay.bank-a.example'), 409, 'conflict');
    dns.records.set(record, [['v=spf1 -all'], ['not-the-token']]);
    expectApiError(await as(bankA).verify('pay.bank-a.example'), 409, 'conflict');
    dns.unreachable = true;
    expectApiError(await as(bankA).verify('pay.bank-a.example'), 409, 'conflict');

    expect(dns.queried).toEqual([record, record, record]);
    const failures = audit.events.filter(
      (event) => event.action === TenancyAuditAction.TenantDomainVerified && event.outcome === 'failure',
    );
    expect(failures.map((event) => event.metadata?.['reason'])).toEqual([
      'record_missing',
      'record_missing',
      'dns_unavailable',
    ]);
    expect(failures.every((event) => event.tenantId === bankA.id)).toBe(true);
    const listed = (await as(bankA).list().expect(200)).body as { data: DomainBody[] };
    expect(listed.data[0]?.status).toBe('PENDING');
  });

  it('verifies once the record carries the token (split or not), after which the domain resolves at once', async () => {
    const listed = (await as(bankA).list().expect(200)).body as { data: DomainBody[] };
    const token = listed.data[0]?.verificationToken ?? '';
    // A long TXT value arrives as several character-strings.
    dns.records.set('_tenantpay-verify.pay.bank-a.example', [
      ['v=spf1 -all'],
      [token.slice(0, 10), token.slice(10)],
    ]);

    const verified = (await as(bankA).verify('PAY.bank-a.example').expect(200)).body as DomainBody;
    expect(verified).toEqual(expect.objectContaining({ hostname: 'pay.bank-a.example', status: 'VERIFIED' }));
    expect(verified.verifiedAt).not.toBeNull();
    expect(audit.events).toContainEqual(
      expect.objectContaining({
        action: TenancyAuditAction.TenantDomainVerified,
        outcome: 'success',
        tenantId: bankA.id,
        metadata: { hostname: 'pay.bank-a.example', method: 'dns-txt' },
      }),
    );
    // It was cached as "not found" while pending: the verification must have dropped that.
    const branding = await brandingAt('pay.bank-a.example').expect(200);
    expect(branding.body.displayName).toBe(bankA.name);

    // Verifying again changes nothing and asks DNS nothing.
    dns.queried.length = 0;
    expect(((await as(bankA).verify('pay.bank-a.example').expect(200)).body as DomainBody).status).toBe(
      'VERIFIED',
    );
    expect(dns.queried).toEqual([]);
  });

  it("refuses another tenant's domain: claiming it, verifying it, removing it or listing it", async () => {
    expectApiError(await as(bankB).add({ hostname: 'pay.bank-a.example' }), 409, 'conflict');
    await as(bankA).add({ hostname: 'pending.bank-a.example' }).expect(201);
    // Publishing a TXT record does not help: B has no claim of the domain.
    dns.records.set('_tenantpay-verify.pending.bank-a.example', [['anything']]);
    expectApiError(await as(bankB).verify('pending.bank-a.example'), 404, 'not_found');
    expectApiError(await as(bankB).remove('pay.bank-a.example'), 404, 'not_found');
    expect(((await as(bankB).list().expect(200)).body as { data: DomainBody[] }).data).toEqual([]);
    // A body naming a tenant is refused outright; the tenant is always the caller's own.
    expectApiError(
      await as(bankB).add({ hostname: 'b.example', tenantId: bankA.id }),
      400,
      'validation_error',
    );

    const a = ((await as(bankA).list().expect(200)).body as { data: DomainBody[] }).data;
    expect(a.map((d) => d.hostname).sort()).toEqual(['pay.bank-a.example', 'pending.bank-a.example']);
    expect((await brandingAt('pay.bank-a.example').expect(200)).body.displayName).toBe(bankA.name);
  });

  describe('a pending claim holds nothing: the first tenant to verify a hostname wins it', () => {
    const listed = async (tenant: TenantSnapshot) =>
      ((await as(tenant).list().expect(200)).body as { data: DomainBody[] }).data.map((d) => d.hostname);

    it("lets a bank claim and verify its domain after another tenant claimed it first, and releases that tenant's claim", async () => {
      const hostname = 'www.bank-b.example';
      const squatter = (await as(bankA).add({ hostname }).expect(201)).body as DomainBody;
      const owner = (await as(bankB).add({ hostname }).expect(201)).body as DomainBody;
      expect(owner.verificationToken).not.toBe(squatter.verificationToken);
      // Only the bank can publish in its DNS: the squatter's check fails on the bank's record.
      dns.records.set(`_tenantpay-verify.${hostname}`, [[owner.verificationToken]]);
      expectApiError(await as(bankA).verify(hostname), 409, 'conflict');

      expect(((await as(bankB).verify(hostname).expect(200)).body as DomainBody).status).toBe('VERIFIED');
      expect((await brandingAt(hostname).expect(200)).body.displayName).toBe(bankB.name);
      expect(await listed(bankA)).not.toContain(hostname);
      expect(audit.events).toContainEqual(
        expect.objectContaining({
          action: TenancyAuditAction.TenantDomainRemoved,
          tenantId: bankA.id,
          actor: { type: 'system' },
          metadata: { hostname, reason: 'verified_by_another_tenant' },
        }),
      );
      expectApiError(await as(bankA).verify(hostname), 404, 'not_found');
      // Verified, the domain is the bank's alone: claiming it again is refused.
      expectApiError(await as(bankA).add({ hostname }), 409, 'conflict');
    });

    it('keeps a verified domain to one tenant: a claim left pending cannot be verified, by DNS or by an operator', async () => {
      const hostname = 'shop.bank-b.example';
      const owner = (await as(bankB).add({ hostname }).expect(201)).body as DomainBody;
      const later = (await as(bankA).add({ hostname }).expect(201)).body as DomainBody;
      // Both records published (say, one company behind both tenants): the first verification wins.
      dns.records.set(`_tenantpay-verify.${hostname}`, [
        [owner.verificationToken],
        [later.verificationToken],
      ]);
      await as(bankB).verify(hostname).expect(200);
      expect(await listed(bankA)).not.toContain(hostname);

      // A claim added while the release ran stays behind: the unique index still keeps the domain to B.
      await mongo.db.collection<{ slug: string; domains: object[] }>('tenants').updateOne(
        { slug: bankA.slug },
        {
          $push: {
            domains: {
              hostname,
              status: 'PENDING',
              verificationToken: later.verificationToken,
              verifiedAt: null,
              createdAt: new Date(),
            },
          },
        },
      );
      expectApiError(await as(bankA).verify(hostname), 409, 'conflict');
      expectApiError(
        await request(app.getHttpServer())
          .post(`/v1/admin/tenants/${bankA.id}/domains/${hostname}/verify`)
          .set(TEST_CREDENTIAL_HEADER, asSuperAdmin()),
        409,
        'conflict',
      );
      expect(
        await mongo.db
          .collection('tenants')
          .countDocuments({ domains: { $elemMatch: { hostname, status: 'VERIFIED' } } }),
      ).toBe(1);
      expect((await brandingAt(hostname).expect(200)).body.displayName).toBe(bankB.name);
      // Its tenant can still drop it.
      await as(bankA).remove(hostname).expect(204);
      expect(await listed(bankA)).not.toContain(hostname);
    });
  });

  it('is for ENTERPRISE admins: other tiers get feature_not_in_tier, VIEWERs forbidden', async () => {
    expectApiError(await as(starter).add({ hostname: 'starter.example' }), 403, 'feature_not_in_tier');
    expectApiError(await as(starter).verify('starter.example'), 403, 'feature_not_in_tier');
    expectApiError(await as(bankA, 'VIEWER').list(), 403, 'forbidden');
    expectApiError(await as(bankA, 'VIEWER').add({ hostname: 'viewer.example' }), 403, 'forbidden');
    expectApiError(await as(bankA, 'VIEWER').remove('pay.bank-a.example'), 403, 'forbidden');
    expectApiError(
      await request(app.getHttpServer()).get('/v1/domains').set('X-Tenant-ID', bankA.id),
      401,
      'unauthorized',
    );
  });

  it('validates the hostname', async () => {
    for (const hostname of [
      `x.tenantpay.test`,
      'tenantpay.test',
      '10.0.0.1',
      'pay.example:8443',
      'not a host',
      '-bad.example',
      'a'.repeat(254),
      '',
    ]) {
      expectApiError(await as(bankA).add({ hostname }), 400, 'validation_error');
    }
    expectApiError(await as(bankA).add({}), 400, 'validation_error');
    expectApiError(await as(bankA).add({ hostname: ['a.example'] }), 400, 'validation_error');
  });

  it('removes a domain, which stops resolving at once', async () => {
    await as(bankA).remove('pay.bank-a.example').expect(204);
    expect(audit.events).toContainEqual(
      expect.objectContaining({ action: TenancyAuditAction.TenantDomainRemoved, tenantId: bankA.id }),
    );
    expectApiError(await brandingAt('pay.bank-a.example'), 404, 'tenant_not_found');
    expectApiError(await as(bankA).remove('pay.bank-a.example'), 404, 'not_found');
    const a = ((await as(bankA).list().expect(200)).body as { data: DomainBody[] }).data;
    expect(a.map((d) => d.hostname)).toEqual(['pending.bank-a.example']);
    // Now free, another tenant may claim it.
    await as(bankB).add({ hostname: 'pay.bank-a.example' }).expect(201);
  });

  it('lets a platform operator run the same DNS check for a tenant, which shows the record to publish', async () => {
    const operator = (call: request.Test) => call.set(TEST_CREDENTIAL_HEADER, asSuperAdmin());
    const http = () => request(app.getHttpServer());
    const added = await operator(
      http().post(`/v1/admin/tenants/${bankB.id}/domains`).send({ hostname: 'pay.bank-b.example' }),
    ).expect(201);
    const domain = (added.body.domains as DomainBody[]).find((d) => d.hostname === 'pay.bank-b.example');
    expect(domain?.verificationRecord).toEqual({
      type: 'TXT',
      name: '_tenantpay-verify.pay.bank-b.example',
      value: domain?.verificationToken,
    });
    const check = (hostname: string) =>
      operator(http().post(`/v1/admin/tenants/${bankB.id}/domains/${hostname}/check-dns`));

    expectApiError(await check('pay.bank-b.example'), 409, 'conflict');
    expect(audit.events).toContainEqual(
      expect.objectContaining({
        action: TenancyAuditAction.TenantDomainVerified,
        outcome: 'failure',
        tenantId: bankB.id,
        metadata: { hostname: 'pay.bank-b.example', method: 'dns-txt', reason: 'record_missing' },
      }),
    );
    dns.records.set('_tenantpay-verify.pay.bank-b.example', [[domain?.verificationToken ?? '']]);
    const verified = await check('pay.bank-b.example').expect(200);
    expect(verified.body.domains).toContainEqual(
      expect.objectContaining({ hostname: 'pay.bank-b.example', status: 'VERIFIED' }),
    );
    expectApiError(await check('elsewhere.example'), 404, 'not_found');
    // A tenant's own admin cannot reach the operators' route.
    expectApiError(
      await http()
        .post(`/v1/admin/tenants/${bankB.id}/domains/pay.bank-b.example/check-dns`)
        .set(TEST_CREDENTIAL_HEADER, asUser(bankB.id, 'ADMIN')),
      403,
      'forbidden',
    );
  });
});
