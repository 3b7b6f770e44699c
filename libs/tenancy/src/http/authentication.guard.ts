import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticationRequiredException } from './authentication-required.exception';
import { requestTenantResolution, routeMetadata } from './route-metadata';
import { IS_PUBLIC_ROUTE } from './tenancy-route-metadata.constant';

/**
 * Every route needs a verified caller unless it is `@Public()`. Credentials are verified during tenant
 * resolution (the credential strategies); this guard only insists that one was presented. Runs before the
 * tenant guard, so an unauthenticated caller learns nothing about whether a tenant exists.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    if (routeMetadata<boolean>(this.reflector, IS_PUBLIC_ROUTE, context) === true) return true;
    if (requestTenantResolution(context)?.context.principal == null)
      throw new AuthenticationRequiredException();
    return true;
  }
}
