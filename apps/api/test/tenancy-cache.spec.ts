import { Controller, Get } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AllowSuspendedTenant,
  CurrentTenant,
  Public,
  TenantAdminService,
  TenantContextService,
  TenantLookupService,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import request from 'supertest';
import { RoundTripCounter } from './support/round-trip-counter';
import {
  asSuperAdmin,
  asUser,
  createTenancyTestApp,
  expectApiError,
  TEST_CREDENTIAL_HEADER,
  waitFor,
} from './support/tenancy-test-app';

const tenantContext = new TenantContextService();

@Controller('cache-probe')
class CacheProbeController {
  @Public()
  @AllowSuspendedTenant()
  @Get('whoami')
  whoami() {
    return { tenantId: tenantContext.current()?.tenant?.id ?? null };
  }

  @Get('tenant')
  tenant(@CurrentTenant() tenant: TenantSnapshot) {
    return { tenantId: tenant.id, tier: tenant.tier };
  }
}

const BASE = 'tenantpay.test';

describe('tenant lookup cache (two API instances sharing MongoDB and Redis)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let appA: NestFastifyApplication;
  let appB: NestFastifyApplication;
  let countA: RoundTripCounter;
  let countB: RoundTripCounter;

  beforeAll(async () => {
    // Driver command monitoring, so MongoDB round trips can be counted.
    const config = testAppConfig({
      MONGODB_URI: `${mongo.uri}${mongo.uri.includes('?') ? '&' : '?'}monitorCommands=true`,
      REDIS_URL: redis.url,
    });
    appA = await createTenancyTestApp(config, { controllers: [CacheProbeController] });
    appB = await createTenancyTestApp(config, { controllers: [CacheProbeController] });
    countA = new RoundTripCounter(appA, 'tenants');
    countB = new RoundTripCounter(appB, 'tenants');
  });
  afterAll(async () => {
    await appA.close();
    await appB.close();
  });

  const localCachesOn = () =>
    waitFor(
      () => appA.get(TenantLookupService).localCacheActive && appB.get(TenantLookupService).localCacheActive,
    );
  const createTenant = (slug: string, tier = Tier.Enterprise) =>
    appA.get(TenantAdminService).create({ slug, name: slug, tier });
  const whoami = (app: NestFastifyApplication, headers: Record<string, string>) =>
    request(app.getHttpServer()).get('/v1/cache-probe/whoami').set(headers);

  it('serves a steady request from the in-process cache: no Redis and no MongoDB round trip', async () => {
    await localCachesOn();
    const tenant = await createTenant('steady');
    const requests: Record<string, string>[] = [
      { 'X-Tenant-ID': tenant.id },
      { 'X-Tenant-ID': 'steady' },
      { Host: `steady.${BASE}` },
      { [TEST_CREDENTIAL_HEADER]: asUser(tenant.id) },
    ];
    countA.reset();
    for (const headers of requests)
      expect((await whoami(appA, headers).expect(200)).body.tenantId).toBe(tenant.id);
    // The counters do see the first lookups (so the assertion below can fail).
    expect(countA.redis).toBeGreaterThan(0);
    expect(countA.mongo).toBeGreaterThan(0);

    countA.reset();
    for (let round = 0; round < 25; round++) {
      for (const headers of requests)
        expect((await whoami(appA, headers).expect(200)).body.tenantId).toBe(tenant.id);
    }
    expect({ redis: countA.redis, mongo: countA.mongo }).toEqual({ redis: 0, mongo: 0 });
  });

  it('answers a cold instance from Redis without touching MongoDB', async () => {
    await localCachesOn();
    const tenant = await createTenant('warmredis');
    await whoami(appA, { 'X-Tenant-ID': 'warmredis' }).expect(200);
    countB.reset();
    expect((await whoami(appB, { 'X-Tenant-ID': 'warmredis' }).expect(200)).body.tenantId).toBe(tenant.id);
    expect(countB.mongo).toBe(0);
    expect(countB.redis).toBe(1);
  });

  it('makes one MongoDB query for many concurrent misses of one key', async () => {
    const tenant = await createTenant('stampede');
    countA.reset();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => appA.get(TenantLookupService).findBySlug('stampede')),
    );
    expect(new Set(results.map((result) => result?.id))).toEqual(new Set([tenant.id]));
    expect(countA.mongo).toBe(1);
  });

  it('caches "no such tenant" too, and forgets it once the tenant is created', async () => {
    await localCachesOn();
    await whoami(appA, { 'X-Tenant-ID': 'latecomer' }).expect(200, { tenantId: null });
    await whoami(appB, { 'X-Tenant-ID': 'latecomer' }).expect(200, { tenantId: null });
    countA.reset();
    await whoami(appA, { 'X-Tenant-ID': 'latecomer' }).expect(200, { tenantId: null });
    expect(countA.mongo).toBe(0);

    const tenant = await createTenant('latecomer');
    expect((await whoami(appA, { 'X-Tenant-ID': 'latecomer' }).expect(200)).body.tenantId).toBe(tenant.id);
    expect((await whoami(appB, { 'X-Tenant-ID': 'latecomer' }).expect(200)).body.tenantId).toBe(tenant.id);
  });

  it('applies a suspension on both instances from the next request', async () => {
    await localCachesOn();
    const tenant = await createTenant('suspendme');
    const asTenantUser = { [TEST_CREDENTIAL_HEADER]: asUser(tenant.id) };
    for (const app of [appA, appB]) {
      await request(app.getHttpServer()).get('/v1/cache-probe/tenant').set(asTenantUser).expect(200);
    }
    await request(appA.getHttpServer())
      .post(`/v1/admin/tenants/${tenant.id}/suspend`)
      .set(TEST_CREDENTIAL_HEADER, asSuperAdmin())
      .expect(200);
    for (const app of [appB, appA]) {
      expectApiError(
        await request(app.getHttpServer()).get('/v1/cache-probe/tenant').set(asTenantUser),
        403,
        'tenant_suspended',
      );
    }
    await request(appB.getHttpServer())
      .post(`/v1/admin/tenants/${tenant.id}/activate`)
      .set(TEST_CREDENTIAL_HEADER, asSuperAdmin())
      .expect(200);
    for (const app of [appA, appB]) {
      await request(app.getHttpServer()).get('/v1/cache-probe/tenant').set(asTenantUser).expect(200);
    }
  });

  it('applies a tier change on both instances from the next request', async () => {
    await localCachesOn();
    const tenant = await createTenant('upgrade', Tier.Starter);
    const asTenantUser = { [TEST_CREDENTIAL_HEADER]: asUser(tenant.id) };
    for (const app of [appA, appB]) {
      await request(app.getHttpServer())
        .get('/v1/cache-probe/tenant')
        .set(asTenantUser)
        .expect(200, { tenantId: tenant.id, tier: 'STARTER' });
    }
    await request(appA.getHttpServer())
      .put(`/v1/admin/tenants/${tenant.id}/tier`)
      .set(TEST_CREDENTIAL_HEADER, asSuperAdmin())
      .send({ tier: 'PROFESSIONAL' })
      .expect(200);
    for (const app of [appB, appA]) {
      await request(app.getHttpServer())
        .get('/v1/cache-probe/tenant')
        .set(asTenantUser)
        .expect(200, { tenantId: tenant.id, tier: 'PROFESSIONAL' });
    }
  });

  it('retires the old slug and serves the new one on both instances after a slug change', async () => {
    await localCachesOn();
    const tenant = await createTenant('oldname');
    for (const app of [appA, appB]) {
      await whoami(app, { Host: `oldname.${BASE}` }).expect(200, { tenantId: tenant.id });
      await whoami(app, { Host: `newname.${BASE}` }).expect(200, { tenantId: null });
    }
    await request(appA.getHttpServer())
      .put(`/v1/admin/tenants/${tenant.id}/slug`)
      .set(TEST_CREDENTIAL_HEADER, asSuperAdmin())
      .send({ slug: 'newname' })
      .expect(200);
    for (const app of [appB, appA]) {
      await whoami(app, { Host: `oldname.${BASE}` }).expect(200, { tenantId: null });
      await whoami(app, { Host: `newname.${BASE}` }).expect(200, { tenantId: tenant.id });
    }
  });

  it('keeps resolving from MongoDB while Redis is down, drops the in-process cache, and recovers', async () => {
    await localCachesOn();
    const tenant = await createTenant('outage');
    const asTenantUser = { [TEST_CREDENTIAL_HEADER]: asUser(tenant.id) };
    for (const app of [appA, appB]) {
      await request(app.getHttpServer()).get('/v1/cache-probe/tenant').set(asTenantUser).expect(200);
    }

    await redis.stop();
    // Invalidations can no longer arrive, so no instance may keep trusting what it cached in-process.
    await waitFor(
      () =>
        !appA.get(TenantLookupService).localCacheActive && !appB.get(TenantLookupService).localCacheActive,
    );
    for (const app of [appA, appB]) {
      await request(app.getHttpServer()).get('/v1/cache-probe/tenant').set(asTenantUser).expect(200);
      expect((await whoami(app, { Host: `outage.${BASE}` }).expect(200)).body.tenantId).toBe(tenant.id);
    }
    // A change made during the outage is seen at once by the other instance (it reads MongoDB).
    await request(appA.getHttpServer())
      .post(`/v1/admin/tenants/${tenant.id}/suspend`)
      .set(TEST_CREDENTIAL_HEADER, asSuperAdmin())
      .expect(200);
    expectApiError(
      await request(appB.getHttpServer()).get('/v1/cache-probe/tenant').set(asTenantUser),
      403,
      'tenant_suspended',
    );

    await redis.restart();
    await localCachesOn();
    for (const app of [appA, appB]) {
      expectApiError(
        await request(app.getHttpServer()).get('/v1/cache-probe/tenant').set(asTenantUser),
        403,
        'tenant_suspended',
      );
    }
    await appA.get(TenantAdminService).activate(tenant.id);
    for (const app of [appB, appA]) {
      await request(app.getHttpServer()).get('/v1/cache-probe/tenant').set(asTenantUser).expect(200);
    }
  });
});
