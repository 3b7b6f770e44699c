import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
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
/** What the audit line reads of the request (Fastify's): the route template, else the URL, and the client IP. */
interface RoutedRequest {
  readonly method: string;
  readonly url: string;
  readonly routeOptions?: { readonly url?: string };
  readonly ip?: string;
}

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
    const request = context.switchToHttp().getRequest<RoutedRequest>();
    const resolution = requestTenantResolution(context);
    const principal = resolution?.context.principal ?? null;
    return defer(() =>
      this.audit.record({
        action: TenancyAuditAction.PlatformBypassUsed,
        outcome: 'success',
        tenantId: null,
        actor: principal === null ? { type: 'anonymous' } : auditActorOf(principal),
        resource: { type: 'route', id: `${request.method} ${request.routeOptions?.url ?? request.url}` },
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
