import { Injectable, type NestMiddleware } from '@nestjs/common';
import { AdmissionControl, OverloadedException } from '@tenantpay/platform';
import { TenantContextService } from '@tenantpay/tenancy';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The share key of requests that name no tenant (sign-in, branding, platform users): one share together. */
const NO_TENANT_KEY = '(none)';

/**
 * The per-tenant bound of admission control (SPEC §7), right after tenant resolution, the first moment the
 * tenant is known: a tenant with its share of the instance in flight gets 503 `overloaded` while other
 * tenants' requests are still admitted. Node's request and response types only, so the middleware survives
 * a change of HTTP framework.
 */
@Injectable()
export class TenantAdmissionMiddleware implements NestMiddleware {
  constructor(
    private readonly admission: AdmissionControl,
    private readonly tenantContext: TenantContextService,
  ) {}

  use(_request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void): void {
    const tenantKey = this.tenantContext.current()?.tenant?.id ?? NO_TENANT_KEY;
    if (!this.admission.enterTenant(tenantKey)) {
      next(new OverloadedException(this.admission.retryAfterSeconds));
      return;
    }
    response.once('close', () => this.admission.leaveTenant(tenantKey));
    next();
  }
}
