import { startHttpTestApplication } from '@tenantpay/testing';
import { Module, type Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import {
  ApiKeyStrategy,
  JwtClaimStrategy,
  PlatformUsersService,
  type TenantUserRole,
  UsersService,
} from '@tenantpay/identity';
import { APP_CONFIG, type AppConfig } from '@tenantpay/platform';
import { RATE_LIMITER_OPTIONS, rateLimiterOptions } from '@tenantpay/rate-limiting';
import {
  CustomDomainStrategy,
  ResolutionMethod,
  SubdomainStrategy,
  TENANT_RESOLUTION_STRATEGIES,
  TenantAdminService,
  TenantContextService,
  TenantHeaderStrategy,
  type TenantLimits,
  TenantLookupService,
  type TenantResolutionStrategy,
  type TenantSnapshot,
  type Tier,
} from '@tenantpay/tenancy';
import { randomBytes } from 'node:crypto';
import { ApiModule } from '../src/api.module';

export const PASSWORD = 'correct horse battery staple';

/**
 * The real API (ApiModule and the production HTTP stack) with identity's credential strategies composed in
 * front of tenancy's, in the order production uses (JWT 10, API key 20, header, subdomain, custom domain).
 * Plus any test-only controllers.
 */
export async function createIdentityTestApp(
  config: AppConfig,
  controllers: Type[] = [],
): Promise<NestFastifyApplication> {
  @Module({ imports: [ApiModule.forRoot(config)], controllers })
  class IdentityTestApiModule {}

  const moduleRef = await Test.createTestingModule({ imports: [IdentityTestApiModule] })
    .overrideProvider(TENANT_RESOLUTION_STRATEGIES)
    .useFactory({
      inject: [
        JwtClaimStrategy,
        ApiKeyStrategy,
        TenantHeaderStrategy,
        SubdomainStrategy,
        CustomDomainStrategy,
      ],
      factory: (...strategies: TenantResolutionStrategy[]) => strategies,
    })
    // These specs count login attempts exactly. The limiter's 75 ms Redis budget hands a decision to its
    // per-process fail-open fallback (which counts apart) when a loaded machine is slow; that path has specs
    // of its own (libs/rate-limiting), so here a decision waits for Redis up to a second.
    .overrideProvider(RATE_LIMITER_OPTIONS)
    .useFactory({
      inject: [APP_CONFIG],
      factory: (appConfig: AppConfig) => rateLimiterOptions(appConfig, { redisTimeoutMs: 1_000 }),
    })
    .compile();
  const app = await startHttpTestApplication(moduleRef);
  return app;
}

/** A new tenant with a unique slug, created as a platform operator would. */
export async function seedTenant(
  app: NestFastifyApplication,
  tier: Tier,
  limits?: Partial<TenantLimits>,
): Promise<TenantSnapshot> {
  const slug = `t${randomBytes(5).toString('hex')}`;
  const created = await app
    .get(TenantContextService)
    .runAsPlatform('test setup', () =>
      app
        .get(TenantAdminService)
        .create({ slug, name: `Tenant ${slug}`, tier, ...(limits ? { limits } : {}) }),
    );
  const tenant = await app.get(TenantLookupService).findById(created.id);
  if (tenant === null) throw new Error('seeded tenant not found');
  return tenant;
}

export async function seedUser(
  app: NestFastifyApplication,
  tenant: TenantSnapshot,
  email: string,
  role: TenantUserRole,
): Promise<string> {
  const context = { tenant, resolvedBy: ResolutionMethod.TenantHeader, principal: null, requestId: 'seed' };
  const user = await app
    .get(TenantContextService)
    .run(context, () => app.get(UsersService).create({ email, password: PASSWORD, role }));
  return user.id;
}

export async function seedPlatformUser(app: NestFastifyApplication, email: string): Promise<string> {
  return (await app.get(PlatformUsersService).create(email, PASSWORD))._id.toHexString();
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** SPEC §12: the status, the code, and exactly the error shape. */
export function expectApiError(
  response: { status: number; body: Record<string, unknown> },
  status: number,
  code: string,
): void {
  expect({ status: response.status, error: response.body['error'] }).toEqual({ status, error: code });
  expect(response.body).toEqual(
    expect.objectContaining({ message: expect.any(String), requestId: expect.any(String) }),
  );
  expect(response.body['timestamp']).toMatch(ISO_TIMESTAMP);
  expect(
    Object.keys(response.body).filter(
      (key) => !['error', 'message', 'details', 'requestId', 'timestamp'].includes(key),
    ),
  ).toEqual([]);
}
