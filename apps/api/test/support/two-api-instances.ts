import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@tenantpay/platform';
import { TenantLookupService } from '@tenantpay/tenancy';
import { testAppConfig } from '@tenantpay/testing';
import { waitFor } from './tenancy-test-app';

/**
 * The config of API instances that share one MongoDB and one Redis, as the cross-instance tests start them:
 * with driver command monitoring, so a RoundTripCounter can count MongoDB round trips.
 */
export function sharedInstanceConfig(
  mongoUri: string,
  redisUrl: string,
  variables: Record<string, string> = {},
): AppConfig {
  return testAppConfig({
    MONGODB_URI: `${mongoUri}${mongoUri.includes('?') ? '&' : '?'}monitorCommands=true`,
    REDIS_URL: redisUrl,
    ...variables,
  });
}

/** Until every instance trusts its in-process caches (it hears the invalidation channel). */
export function localCachesOn(...apps: readonly NestFastifyApplication[]): Promise<void> {
  return waitFor(() => apps.every((app) => app.get(TenantLookupService).localCacheActive));
}
