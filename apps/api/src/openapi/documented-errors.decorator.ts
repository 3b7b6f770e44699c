import { SetMetadata } from '@nestjs/common';
import type { ErrorCode } from '@tenantpay/platform';
import { DOCUMENTED_ERRORS } from './openapi.constant';

/**
 * The error codes a route's own logic can answer (a conflict, an expired token...), for the OpenAPI document.
 * What the platform answers on every route of a kind (authentication, validation, rate limits, tenancy) is
 * derived from the route's guards and needs no listing; the contract tests fail on any code not declared.
 */
export const DocumentedErrors = (...codes: readonly ErrorCode[]): MethodDecorator & ClassDecorator =>
  SetMetadata(DOCUMENTED_ERRORS, codes);
