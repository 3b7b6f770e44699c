import type { INestApplicationContext } from '@nestjs/common';
import {
  ResolutionMethod,
  TenantAdminService,
  TenantContextService,
  TenantLookupService,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';

/** A tenant created through the platform's own admin service, as the worker will load it. */
export async function createWorkerTestTenant(
  app: INestApplicationContext,
  slug: string,
  tier: Tier = Tier.Starter,
): Promise<TenantSnapshot> {
  const created = await app
    .get(TenantContextService)
    .runAsPlatform('test setup', () => app.get(TenantAdminService).create({ slug, name: slug, tier }));
  return (await app.get(TenantLookupService).findById(created.id)) as TenantSnapshot;
}

/** Runs `work` in the tenant's context, as a request of that tenant would. */
export function inTenantOf<T>(
  app: INestApplicationContext,
  tenant: TenantSnapshot,
  work: () => Promise<T>,
): Promise<T> {
  return app
    .get(TenantContextService)
    .run({ tenant, resolvedBy: ResolutionMethod.TenantHeader, principal: null, requestId: 'test' }, work);
}
