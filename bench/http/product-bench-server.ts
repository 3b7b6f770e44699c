/**
 * The product as the HTTP bench measures it: the API exactly as `createApiApplication` builds it (the
 * production HTTP stack, request logging at `info` included), with one tenant, an API key holding every scope,
 * and limits far above what the load can reach but finite, so the rate-limit + usage Redis call still runs.
 */
import { type INestApplication, Module, type Type } from '@nestjs/common';
import { API_KEY_SCOPES, ApiKeysService } from '@tenantpay/identity';
import { loadConfig } from '@tenantpay/platform';
import { TenantContextService, Tier } from '@tenantpay/tenancy';
import { randomBytes } from 'node:crypto';
import { ApiModule } from '../../apps/api/src/api.module';
import { createApiApplication } from '../../apps/api/src/create-api-application';
import { ADMISSION_OUT_OF_REACH } from '../support/admission-out-of-reach';
import { seedBenchTenant } from '../support/seed-bench-tenant';

export const PRODUCT_BASE_DOMAIN = 'bench.test';
const HIGH_LIMIT = 10_000_000;

export interface ProductServices {
  readonly mongoUri: string;
  readonly redisUrl: string;
}

export interface SeededProduct {
  readonly app: INestApplication;
  /** The tenant's host (its subdomain of the base domain). */
  readonly tenantHost: string;
  readonly apiKey: string;
  /** An access token of the tenant's admin. */
  readonly token: string;
}

/**
 * `slowerMachine`: timeouts for a process run many times slower than native (under valgrind). `controllers`:
 * routes a bench adds beside the API's own.
 */
export async function createProductApp(
  services: ProductServices,
  slowerMachine: Readonly<Record<string, string>> = {},
  controllers: readonly Type<unknown>[] = [],
): Promise<SeededProduct> {
  const config = loadConfig({
    MONGODB_URI: services.mongoUri,
    REDIS_URL: services.redisUrl,
    JWT_SIGNING_KEYS: `k1:${randomBytes(24).toString('hex')}`,
    PAYMENTS_GATEWAY: 'simulated',
    // Production's level: every request but the health probes writes a line (to /dev/null here).
    LOG_LEVEL: 'info',
    ...ADMISSION_OUT_OF_REACH,
    BASE_DOMAIN: PRODUCT_BASE_DOMAIN,
    ...slowerMachine,
  });
  @Module({ imports: [ApiModule.forRoot(config)], controllers: [...controllers] })
  class ProductBenchModule {}

  const app = await createApiApplication(config, controllers.length === 0 ? undefined : ProductBenchModule);
  const seeded = await seedBenchTenant(app, {
    tier: Tier.Enterprise,
    limits: { apiRequestsPerMinute: HIGH_LIMIT, transactionsPerMonth: HIGH_LIMIT },
  });
  const created = await app
    .get(TenantContextService)
    .run(seeded.context, () =>
      app.get(ApiKeysService).create({ name: 'http bench', scopes: API_KEY_SCOPES }),
    );
  return {
    app,
    tenantHost: `${seeded.tenant.slug}.${PRODUCT_BASE_DOMAIN}`,
    apiKey: created.key,
    token: seeded.token,
  };
}
