import { applyDecorators, SetMetadata } from '@nestjs/common';
import { IS_PUBLIC_ROUTE, PUBLIC_PLATFORM_ROUTE } from './tenancy-route-metadata.constant';

/**
 * A platform route that needs no credential (the operator login and its MFA step, refresh, invitation
 * acceptance, password reset): public, but served only where the host names no tenant, as every
 * `@BypassTenantIsolation` route is. On a bank's subdomain or custom domain it answers 403 `forbidden`
 * (audited), so a phishing page there cannot collect operator credentials or tokens through the API.
 */
export const PublicPlatformRoute = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC_ROUTE, true), SetMetadata(PUBLIC_PLATFORM_ROUTE, true));
