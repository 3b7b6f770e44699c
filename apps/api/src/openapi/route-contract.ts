import { type Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { SKIP_RATE_LIMIT } from '@tenantpay/rate-limiting';
import { ErrorCode } from '@tenantpay/platform';
import {
  BYPASS_TENANT_ISOLATION,
  IS_PUBLIC_ROUTE,
  PUBLIC_PLATFORM_ROUTE,
  REQUIRED_FEATURE,
  REQUIRED_ROLES,
  REQUIRED_SCOPES,
  REQUIRES_TENANT,
} from '@tenantpay/tenancy';
import { DOCUMENTED_ERRORS } from './openapi.constant';

/** What the guards will demand of a route, read from the same decorators they read. */
export interface RouteContract {
  readonly isPublic: boolean;
  readonly requiresTenant: boolean;
  /** Served only on hosts naming no tenant (`@BypassTenantIsolation`, `@PublicPlatformRoute`). */
  readonly platformRoute: boolean;
  /** undefined: closed to API keys (see `@Scopes()`); [] admits every key of the tenant. */
  readonly scopes: readonly string[] | undefined;
  readonly roles: readonly string[] | undefined;
  readonly feature: string | undefined;
  readonly rateLimited: boolean;
  /** Codes the handler's own logic answers (`@DocumentedErrors()`), beyond what the platform adds. */
  readonly documentedErrors: readonly ErrorCode[];
  /** Request headers the handler reads itself (`@Headers('name')`), lower-case. */
  readonly handlerHeaders: readonly string[];
}

/** Like the guards' `routeMetadata`: the handler's metadata overrides the controller's. */
function metadata<T>(key: string, controller: Type, handler: object): T | undefined {
  return (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller)) as T | undefined;
}

export function routeContract(controller: Type, key: string, handler: object): RouteContract {
  const parameters = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, key) ?? {}) as Record<
    string,
    { data?: unknown }
  >;
  return {
    isPublic: metadata<boolean>(IS_PUBLIC_ROUTE, controller, handler) === true,
    requiresTenant: metadata<boolean>(REQUIRES_TENANT, controller, handler) === true,
    platformRoute:
      metadata<string>(BYPASS_TENANT_ISOLATION, controller, handler) !== undefined ||
      metadata<boolean>(PUBLIC_PLATFORM_ROUTE, controller, handler) === true,
    scopes: metadata<readonly string[]>(REQUIRED_SCOPES, controller, handler),
    roles: metadata<readonly string[]>(REQUIRED_ROLES, controller, handler),
    feature: metadata<string>(REQUIRED_FEATURE, controller, handler),
    rateLimited: metadata<boolean>(SKIP_RATE_LIMIT, controller, handler) !== true,
    documentedErrors: [
      ...((Reflect.getMetadata(DOCUMENTED_ERRORS, controller) as ErrorCode[] | undefined) ?? []),
      ...((Reflect.getMetadata(DOCUMENTED_ERRORS, handler) as ErrorCode[] | undefined) ?? []),
    ],
    handlerHeaders: Object.entries(parameters)
      .filter(
        ([slot, parameter]) =>
          slot.startsWith(`${RouteParamtypes.HEADERS}:`) && typeof parameter.data === 'string',
      )
      .map(([, parameter]) => String(parameter.data).toLowerCase()),
  };
}
