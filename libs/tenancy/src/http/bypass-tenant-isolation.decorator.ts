import { SetMetadata } from '@nestjs/common';
import { BYPASS_TENANT_ISOLATION } from './tenancy-route-metadata.constant';

/**
 * A platform route that works across tenants (SPEC §6): only a SUPER_ADMIN platform user may call it, and
 * its handler runs in the explicit platform scope (`runAsPlatform(reason)`), each call audited with the
 * reason. Combine with `@Roles('SUPER_ADMIN')` so the intent is visible on the route.
 */
export const BypassTenantIsolation = (reason: string): MethodDecorator & ClassDecorator => {
  if (reason.trim().length === 0)
    throw new Error('@BypassTenantIsolation needs a reason for the audit trail');
  return SetMetadata(BYPASS_TENANT_ISOLATION, reason);
};
