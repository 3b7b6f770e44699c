import { SetMetadata } from '@nestjs/common';
import { REQUIRED_SCOPES } from './tenancy-route-metadata.constant';

/**
 * API keys need every one of these scopes; a route without `@Scopes()` is closed to API keys. Users are
 * governed by `@Roles()` and are not affected.
 */
export const Scopes = (...scopes: readonly [string, ...string[]]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_SCOPES, scopes);
