import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { defer, mergeMap, type Observable } from 'rxjs';
import { TenantContextService } from '../context/tenant-context.service';
import { auditActorOf } from '../resolution/audit-actor';
import { SECURITY_AUDIT_SINK, type SecurityAuditSink } from '../resolution/security-audit-sink';
import { TenancyAuditAction } from '../resolution/tenancy-audit-actions.constant';
import { requestTenantResolution, routeMetadata } from './route-metadata';
import { BYPASS_TENANT_ISOLATION } from './tenancy-route-metadata.constant';

/**
 * Runs `@BypassTenantIsolation(reason)` handlers in the platform scope, after recording the use on the
 * audit trail. The tenant guard has already established that the caller is a SUPER_ADMIN.
 */
@Injectable()
export class BypassTenantIsolationInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly tenantContext: TenantContextService,
    @Inject(SECURITY_AUDIT_SINK) private readonly audit: SecurityAuditSink,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reason = routeMetadata<string>(this.reflector, BYPASS_TENANT_ISOLATION, context);
    if (reason === undefined || context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const resolution = requestTenantResolution(context);
    const principal = resolution?.context.principal ?? null;
    return defer(() =>
      this.audit.record({
        action: TenancyAuditAction.PlatformBypassUsed,
        outcome: 'success',
        tenantId: null,
        actor: principal === null ? { type: 'anonymous' } : auditActorOf(principal),
        resource: { type: 'route', id: `${request.method} ${request.route?.path ?? request.path}` },
        ip: request.ip ?? null,
        requestId: resolution?.context.requestId ?? '',
        metadata: { reason },
      }),
    ).pipe(
      // handle() binds the handler to the async context it is called in: here, the platform scope.
      mergeMap(() => this.tenantContext.runAsPlatform(reason, () => next.handle())),
    );
  }
}
