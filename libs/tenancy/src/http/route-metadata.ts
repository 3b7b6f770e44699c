import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { TenantResolution } from '../resolution/tenant-resolution';
import { tenantResolutionOf } from './request-tenant-resolution';

/** A route's metadata, the handler's overriding the controller's. */
export function routeMetadata<T>(
  reflector: Reflector,
  key: string,
  context: ExecutionContext,
): T | undefined {
  return reflector.getAllAndOverride<T | undefined>(key, [context.getHandler(), context.getClass()]);
}

/** The tenant middleware's conclusion for this HTTP request, undefined for routes it does not cover. */
export function requestTenantResolution(context: ExecutionContext): TenantResolution | undefined {
  return tenantResolutionOf(context.switchToHttp().getRequest<object>());
}
