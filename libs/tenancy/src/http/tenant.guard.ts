import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type AppConfig, APP_CONFIG } from '@tenantpay/platform';
import type { Principal } from '../context/principal';
import { auditActorOf } from '../resolution/audit-actor';
import { servesPlatformRoutes } from '../resolution/platform-host';
import { SECURITY_AUDIT_SINK, type SecurityAuditSink } from '../resolution/security-audit-sink';
import { TenancyAuditAction } from '../resolution/tenancy-audit-actions.constant';
import type { TenantResolution } from '../resolution/tenant-resolution';
import { TenantMismatchException } from '../resolution/tenant-mismatch.exception';
import { TenantNotFoundException } from '../tenants/tenant-not-found.exception';
import { AccessDeniedException } from './access-denied.exception';
import { AuthenticationRequiredException } from './authentication-required.exception';
import { isReadOnlyHttpMethod } from './read-only-methods.constant';
import { requestTenantResolution, routeMetadata } from './route-metadata';
import {
  ALLOWS_SUSPENDED_TENANT,
  BYPASS_TENANT_ISOLATION,
  IS_PUBLIC_ROUTE,
  PUBLIC_PLATFORM_ROUTE,
  REQUIRES_TENANT,
  SUPER_ADMIN_ROLE,
} from './tenancy-route-metadata.constant';
import { TenantArchivedException } from './tenant-archived.exception';
import { TenantRequiredException } from './tenant-required.exception';
import { TenantSuspendedException } from './tenant-suspended.exception';

/**
 * Which tenant a route may act for (SPEC §2 step 3, §6):
 * - `@BypassTenantIsolation()` routes: SUPER_ADMIN platform users only (they then run in the platform
 *   scope, see BypassTenantIsolationInterceptor), and only on a host that names no tenant (servesPlatformRoutes):
 *   on a bank's subdomain or custom domain an operator token is refused (403, audited).
 * - `@PublicPlatformRoute()` routes (operator sign-in and the like): anyone, on the same hosts only (403,
 *   audited, elsewhere).
 * - public routes: anyone, but not for a suspended tenant unless `@AllowSuspendedTenant()`; a public
 *   `@RequiresTenant()` route (login) answers 404 when the header or host names no existing tenant, and 400
 *   when nothing names a tenant at all.
 * - every other route is a tenant route: the request's tenant must exist and be the caller's own, and be
 *   active unless `@AllowSuspendedTenant()`. Platform users have no tenant routes. An archived tenant is
 *   read-only: its routes answer reads and refuse every other method with 409 `tenant_archived` (public
 *   routes such as login stay open, so its staff can still sign in to read and export).
 */
@Injectable()
export class TenantGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SECURITY_AUDIT_SINK) private readonly audit: SecurityAuditSink,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const resolution = requestTenantResolution(context);
    const principal = resolution?.context.principal ?? null;
    const tenant = resolution?.context.tenant ?? null;
    const allowsSuspended = routeMetadata<boolean>(this.reflector, ALLOWS_SUSPENDED_TENANT, context) === true;

    if (routeMetadata<string>(this.reflector, BYPASS_TENANT_ISOLATION, context) !== undefined) {
      if (principal?.kind !== 'platform-user' || principal.role !== SUPER_ADMIN_ROLE) {
        throw new AccessDeniedException();
      }
      if (!servesPlatformRoutes(resolution?.hostname ?? null, this.config.tenancy.baseDomain)) {
        return this.refuseOnTenantHost(context, principal, resolution);
      }
      return true;
    }

    if (routeMetadata<boolean>(this.reflector, IS_PUBLIC_ROUTE, context) === true) {
      if (
        routeMetadata<boolean>(this.reflector, PUBLIC_PLATFORM_ROUTE, context) === true &&
        !servesPlatformRoutes(resolution?.hostname ?? null, this.config.tenancy.baseDomain)
      ) {
        return this.refuseOnTenantHost(context, principal, resolution);
      }
      if (tenant === null && routeMetadata<boolean>(this.reflector, REQUIRES_TENANT, context) === true) {
        if (resolution?.unresolvedTenant === true) throw new TenantNotFoundException();
        throw new TenantRequiredException();
      }
      if (tenant !== null && !tenant.isActive && !allowsSuspended) throw new TenantSuspendedException();
      return true;
    }

    if (principal === null) throw new AuthenticationRequiredException();
    if (tenant === null) {
      if (resolution?.unresolvedTenant === true) throw new TenantNotFoundException();
      if (principal.kind === 'platform-user')
        throw new AccessDeniedException('Platform users may only call platform routes.');
      throw new AuthenticationRequiredException();
    }
    if (principal.kind === 'platform-user')
      throw new AccessDeniedException('Platform users may only call platform routes.');
    // The resolver already refuses a credential that disagrees with the header or host; this holds even for
    // a credential strategy that forgot to name its tenant.
    if (principal.tenantId !== tenant.id) throw new TenantMismatchException();
    if (!tenant.isActive && !allowsSuspended) throw new TenantSuspendedException();
    if (
      tenant.isArchived &&
      !isReadOnlyHttpMethod(context.switchToHttp().getRequest<{ method?: string }>().method)
    )
      throw new TenantArchivedException();
    return true;
  }

  /** A platform event (read by super-admins only): the bank whose host it was learns nothing of the caller. */
  private async refuseOnTenantHost(
    context: ExecutionContext,
    principal: Principal | null,
    resolution: TenantResolution | undefined,
  ): Promise<never> {
    const request = context.switchToHttp().getRequest<{ method?: string; url?: string; ip?: string }>();
    await this.audit
      .record({
        action: TenancyAuditAction.PlatformRouteOnTenantHost,
        outcome: 'denied',
        tenantId: null,
        actor: principal === null ? { type: 'anonymous' } : auditActorOf(principal),
        resource: { type: 'route', id: `${request.method ?? ''} ${(request.url ?? '').split('?')[0] ?? ''}` },
        ip: request.ip ?? null,
        requestId: resolution?.context.requestId ?? '',
        metadata: { host: resolution?.hostname ?? null },
      })
      .catch(() => undefined);
    throw new AccessDeniedException('Platform routes are served on the platform host only.');
  }
}
