import { Controller, Get, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RateLimitRoute, SkipRateLimit } from '@tenantpay/rate-limiting';
import { Public, TenantAdminService, Tier } from '@tenantpay/tenancy';
import { testAppConfig, useTestMongo, useTestRedis } from '@tenantpay/testing';
import request from 'supertest';
import {
  asSuperAdmin,
  asUser,
  createTenancyTestApp,
  expectApiError,
  TEST_CREDENTIAL_HEADER,
} from './support/tenancy-test-app';

@Controller('limited')
class LimitedProbeController {
  @Get()
  read() {
    return { ok: true };
  }

  @Post('bulk')
  @RateLimitRoute({ bucket: 'bulk', cost: 10 })
  bulk() {
    return { ok: true };
  }

  @Get('free')
  @SkipRateLimit()
  free() {
    return { ok: true };
  }

  @Get('public')
  @Public()
  open() {
    return { ok: true };
  }
}

describe('rate limiting through the HTTP stack (SPEC §7)', () => {
  const mongo = useTestMongo();
  const redis = useTestRedis();
  let app: NestFastifyApplication;
  let starter: string;
  let enterprise: string;
  let tiny: string;

  beforeAll(async () => {
    app = await createTenancyTestApp(testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url }), {
      controllers: [LimitedProbeController],
    });
    const admin = app.get(TenantAdminService);
    starter = (await admin.create({ slug: 'starter-bank', name: 'Starter', tier: Tier.Starter })).id;
    enterprise = (await admin.create({ slug: 'big-bank', name: 'Big', tier: Tier.Enterprise })).id;
    tiny = (await admin.create({ slug: 'tiny-bank', name: 'Tiny', tier: Tier.Starter })).id;
    await admin.setLimitOverrides(tiny, { apiRequestsPerMinute: 3 });
  });
  afterAll(async () => {
    await app.close();
  });

  const get = (path: string, credential?: string) => {
    const call = request(app.getHttpServer()).get(path);
    return credential ? call.set(TEST_CREDENTIAL_HEADER, credential) : call;
  };

  it('advertises the tier quota on every limited response', async () => {
    const response = await get('/v1/limited', asUser(starter)).expect(200);
    expect(response.headers['x-ratelimit-limit']).toBe('60');
    expect(response.headers['x-ratelimit-remaining']).toBe('59');
    expect(Number(response.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
    expect(response.headers['ratelimit-policy']).toBe('"starter";q=60;w=60');
    expect(response.headers['ratelimit']).toMatch(/^"starter";r=59;t=\d+$/);
  });

  it('uses the tier of the tenant: enterprise gets 1000 per minute', async () => {
    const response = await get('/v1/limited', asUser(enterprise)).expect(200);
    expect(response.headers['x-ratelimit-limit']).toBe('1000');
    expect(response.headers['ratelimit-policy']).toBe('"enterprise";q=1000;w=60');
  });

  it('applies a tenant override and refuses past it with 429 rate_limit_exceeded and Retry-After', async () => {
    for (let i = 0; i < 3; i++) await get('/v1/limited', asUser(tiny)).expect(200);
    const refused = await get('/v1/limited', asUser(tiny));
    expectApiError(refused, 429, 'rate_limit_exceeded');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
    // Another tenant is not affected by this one's exhaustion.
    await get('/v1/limited', asUser(starter)).expect(200);
  });

  it('charges a route its declared cost in its own bucket', async () => {
    const bulk = await request(app.getHttpServer())
      .post('/v1/limited/bulk')
      .set(TEST_CREDENTIAL_HEADER, asUser(enterprise))
      .expect(201);
    expect(bulk.headers['x-ratelimit-remaining']).toBe('990');
    const plain = await get('/v1/limited', asUser(enterprise)).expect(200);
    expect(Number(plain.headers['x-ratelimit-remaining'])).toBeGreaterThan(990);
  });

  it('does not limit a route marked @SkipRateLimit', async () => {
    const response = await get('/v1/limited/free', asUser(tiny)).expect(200);
    expect(response.headers['x-ratelimit-limit']).toBeUndefined();
  });

  it('limits unauthenticated callers per IP under the anonymous policy', async () => {
    const response = await get('/v1/limited/public').expect(200);
    expect(response.headers['ratelimit-policy']).toBe('"anonymous";q=120;w=60');
  });

  it('limits platform operators under their own policy', async () => {
    const response = await get('/v1/admin/tenants', asSuperAdmin()).expect(200);
    expect(response.headers['ratelimit-policy']).toBe('"platform";q=600;w=60');
  });
});
