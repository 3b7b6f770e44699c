import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessDeniedException } from './access-denied.exception';
import { AuthenticationRequiredException } from './authentication-required.exception';
import { requestTenantResolution, routeMetadata } from './route-metadata';
import { REQUIRED_ROLES, REQUIRED_SCOPES } from './tenancy-route-metadata.constant';

/**
 * `@Roles(...)`: users need one of the roles. An API key has no role: it passes only where the route also
 * declares `@Scopes()`, which the scopes guard then checks.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const roles = routeMetadata<readonly string[]>(this.reflector, REQUIRED_ROLES, context);
    if (roles === undefined) return true;
    const principal = requestTenantResolution(context)?.context.principal ?? null;
    if (principal === null) throw new AuthenticationRequiredException();
    // A support session sees what the tenant's admins see, and only sees: SupportSessionGuard refuses every
    // method but reads before any route runs.
    if (principal.kind === 'support') return true;
    if (principal.kind === 'api-key') {
      if (routeMetadata(this.reflector, REQUIRED_SCOPES, context) !== undefined) return true;
      throw new AccessDeniedException();
    }
    if (!roles.includes(principal.role)) throw new AccessDeniedException();
    return true;
  }
}
