import { Logger, type Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { AUDIT_EVENT_COLLECTION } from '@tenantpay/audit';
import { DataIsolationModule } from '@tenantpay/data-isolation';
import { IdentityModule, PLATFORM_USER_COLLECTION } from '../src';
import { type AppConfig, PlatformCoreModule } from '@tenantpay/platform';
import {
  type Principal,
  ResolutionMethod,
  TenancyModule,
  TenantJobsModule,
  TENANT_COLLECTION,
  TenantAdminService,
  TenantContextService,
  TenantLookupService,
  type TenantLimits,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';
import { testAppConfig, type TestMongo, type TestRedis } from '@tenantpay/testing';
import { randomBytes } from 'node:crypto';

export interface IdentityHarness {
  readonly config: AppConfig;
  get<T>(type: Type<T> | symbol): T;
  /** A new tenant (unique slug) as request code would see it. */
  createTenant(tier: Tier, limits?: Partial<TenantLimits>): Promise<TenantSnapshot>;
  suspendTenant(tenant: TenantSnapshot): Promise<TenantSnapshot>;
  changeTier(tenant: TenantSnapshot, tier: Tier): Promise<TenantSnapshot>;
  /** Runs `work` inside the tenant's context, as its request handlers do. */
  inTenant<T>(tenant: TenantSnapshot, work: () => Promise<T>, principal?: Principal | null): Promise<T>;
  /** Runs `work` with no tenant (a public request on the platform host). */
  withoutTenant<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * The identity library as the API composes it (platform core, data isolation, tenancy, identity) on the file's own MongoDB
 * database and Redis, for service-level tests. Call at describe level, after useTestMongo/useTestRedis.
 */
export function useIdentityHarness(mongo: TestMongo, redis: TestRedis): () => IdentityHarness {
  let moduleRef: TestingModule | undefined;
  let harness: IdentityHarness | undefined;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    const config = testAppConfig({ MONGODB_URI: mongo.uri, REDIS_URL: redis.url });
    moduleRef = await Test.createTestingModule({
      imports: [
        PlatformCoreModule.forRoot(config),
        DataIsolationModule.forRoot({
          platformCollections: [TENANT_COLLECTION, PLATFORM_USER_COLLECTION],
          tenantKeyedCollections: [AUDIT_EVENT_COLLECTION],
        }),
        TenancyModule.forRoot(),
        // Invitations write email to the outbox and enqueue its delivery in the tenant's name.
        TenantJobsModule.forRootAsync({
          inject: [TenantLookupService],
          useFactory: (tenants: TenantLookupService) => tenants,
        }),
        IdentityModule,
      ],
    }).compile();
    await moduleRef.init();
    const ref = moduleRef;
    const context = ref.get(TenantContextService);
    const admin = ref.get(TenantAdminService);
    const lookup = ref.get(TenantLookupService);
    const snapshot = async (id: string): Promise<TenantSnapshot> => {
      const found = await lookup.findById(id);
      if (found === null) throw new Error(`tenant ${id} not found`);
      return found;
    };
    harness = {
      config,
      get: <T>(type: Type<T> | symbol) => ref.get<T>(type as Type<T>),
      createTenant: async (tier, limits) => {
        const slug = `t${randomBytes(5).toString('hex')}`;
        const created = await context.runAsPlatform('test setup', () =>
          admin.create({ slug, name: `Tenant ${slug}`, tier, ...(limits ? { limits } : {}) }),
        );
        return snapshot(created.id);
      },
      suspendTenant: async (tenant) => {
        await context.runAsPlatform('test setup', () => admin.suspend(tenant.id));
        return snapshot(tenant.id);
      },
      changeTier: async (tenant, tier) => {
        await context.runAsPlatform('test setup', () => admin.changeTier(tenant.id, tier));
        return snapshot(tenant.id);
      },
      inTenant: (tenant, work, principal = null) =>
        context.run(
          { tenant, resolvedBy: ResolutionMethod.TenantHeader, principal, requestId: 'test' },
          work,
        ),
      withoutTenant: (work) =>
        context.run({ tenant: null, resolvedBy: null, principal: null, requestId: 'test' }, work),
    };
  });

  afterAll(async () => {
    await moduleRef?.close();
  });

  return () => {
    if (harness === undefined)
      throw new Error('the identity harness is available inside tests and hooks only');
    return harness;
  };
}
