import { SetMetadata } from '@nestjs/common';
import { REQUIRED_ROLES } from './tenancy-route-metadata.constant';

/** Users (tenant or platform) need one of these roles. API keys are governed by `@Scopes()` instead. */
export const Roles = (...roles: readonly [string, ...string[]]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);
