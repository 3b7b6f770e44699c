import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessDeniedException } from './access-denied.exception';
import { requestTenantResolution, routeMetadata } from './route-metadata';
import { IS_PUBLIC_ROUTE, REQUIRED_SCOPES } from './tenancy-route-metadata.constant';

/**
 * `@Scopes(...)`: an API key needs every listed scope. Closed by default: an API key may call a
 * protected route only if the route names the scopes it needs. Users are governed by roles instead.
 */
@Injectable()
export class ScopesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const principal = requestTenantResolution(context)?.context.principal ?? null;
    if (principal?.kind !== 'api-key') return true;
    const scopes = routeMetadata<readonly string[]>(this.reflector, REQUIRED_SCOPES, context);
    if (scopes === undefined) {
      if (routeMetadata<boolean>(this.reflector, IS_PUBLIC_ROUTE, context) === true) return true;
      throw new AccessDeniedException('API keys cannot call this route.');
    }
    if (!scopes.every((scope) => principal.scopes.includes(scope))) {
      throw new AccessDeniedException('The API key lacks a scope this route needs.');
    }
    return true;
  }
}
