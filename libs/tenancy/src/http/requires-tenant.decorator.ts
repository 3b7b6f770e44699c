import { SetMetadata } from '@nestjs/common';
import { REQUIRES_TENANT } from './tenancy-route-metadata.constant';

/**
 * A public route that acts for one tenant (tenant-user login). When the header or host names a tenant that
 * does not exist, the tenant guard answers 404 `tenant_not_found` (SPEC §4) rather than letting the handler
 * run without one; naming no tenant at all is left to the handler. Public branding already answers 404 for
 * an unknown name, so this tells an unauthenticated caller nothing more.
 */
export const RequiresTenant = (): MethodDecorator & ClassDecorator => SetMetadata(REQUIRES_TENANT, true);
