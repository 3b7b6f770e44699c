import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { isReadOnlyHttpMethod, TenantContextService } from '@tenantpay/tenancy';
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

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const principal = this.tenantContext.current()?.principal;
    if (principal?.kind !== 'support') return true;
    const request = context.switchToHttp().getRequest<{ method?: string; url?: string }>();
    const method = request.method ?? '';
    const allowed = isReadOnlyHttpMethod(method);
    await this.sessions.recordUse(principal, method, (request.url ?? '').split('?')[0] ?? '', allowed);
    if (!allowed) throw new SupportSessionReadOnlyException();
    return true;
  }
}
