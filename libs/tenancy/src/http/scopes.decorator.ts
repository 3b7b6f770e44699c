import { SetMetadata } from '@nestjs/common';
import { REQUIRED_SCOPES } from './tenancy-route-metadata.constant';

/**
 * API keys need every one of these scopes; a route without `@Scopes()` is closed to API keys. Users are
 * governed by `@Roles()` and are not affected. `@Scopes()` with no scope admits every API key of the tenant (a
 * route that only describes the key itself, such as `GET /v1/me`).
 */
export const Scopes = (...scopes: readonly string[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_SCOPES, scopes);
