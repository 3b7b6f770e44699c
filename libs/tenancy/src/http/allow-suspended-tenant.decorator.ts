import { SetMetadata } from '@nestjs/common';
import { ALLOWS_SUSPENDED_TENANT } from './tenancy-route-metadata.constant';

/** The route still answers for a suspended tenant (public branding); every other route answers 403. */
export const AllowSuspendedTenant = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ALLOWS_SUSPENDED_TENANT, true);
