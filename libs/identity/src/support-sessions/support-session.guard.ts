import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { isReadOnlyHttpMethod, type SupportPrincipal, TenantContextService } from '@tenantpay/tenancy';
import { SupportSessionReadOnlyException } from './support-session-read-only.exception';
import { SupportSessionsService } from './support-sessions.service';

/**
 * Support sessions read and only read: every request made with one is audited on the tenant's trail (method
 * and path, allowed or refused), and anything but GET/HEAD/OPTIONS is refused with 403
 * `support_session_read_only` before the route runs. Runs right after the tenant guard, which has already
 * held the session to its own tenant.
 */
@Injectable()
export class SupportSessionGuard implements CanActivate {
  constructor(
    private readonly tenantContext: TenantContextService,
    private readonly sessions: SupportSessionsService,
  ) {}

  /** Not async: every request but a support session's passes at once, without a promise. */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const principal = this.tenantContext.current()?.principal;
    if (principal?.kind !== 'support') return true;
    return this.recordedAndAllowed(principal, context);
  }

  private async recordedAndAllowed(principal: SupportPrincipal, context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ method?: string; url?: string }>();
    const method = request.method ?? '';
    const allowed = isReadOnlyHttpMethod(method);
    await this.sessions.recordUse(principal, method, (request.url ?? '').split('?')[0] ?? '', allowed);
    if (!allowed) throw new SupportSessionReadOnlyException();
    return true;
  }
}
