import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { BypassTenantIsolationInterceptor } from './bypass-tenant-isolation.interceptor';
import { BYPASS_TENANT_ISOLATION } from './tenancy-route-metadata.constant';

/**
 * A platform route that works across tenants (SPEC §6): only a SUPER_ADMIN platform user may call it, and
 * its handler runs in the explicit platform scope (`runAsPlatform(reason)`), each call audited with the
 * reason. Combine with `@Roles('SUPER_ADMIN')` so the intent is visible on the route.
 *
 * The interceptor that enters the platform scope is attached here, to these routes only: as a global
 * interceptor it made Nest wrap every route's handler in an rxjs pipeline, for the few routes that need it.
 */
export const BypassTenantIsolation = (reason: string): MethodDecorator & ClassDecorator => {
  if (reason.trim().length === 0)
    throw new Error('@BypassTenantIsolation needs a reason for the audit trail');
  return applyDecorators(
    SetMetadata(BYPASS_TENANT_ISOLATION, reason),
    UseInterceptors(BypassTenantIsolationInterceptor),
  );
};
