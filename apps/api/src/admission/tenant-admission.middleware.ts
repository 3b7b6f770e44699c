import { Injectable } from '@nestjs/common';
import { AdmissionControl, LearnedTenantKeys, OverloadedException } from '@tenantpay/platform';
import { TenantContextService } from '@tenantpay/tenancy';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NO_TENANT_SHARE_KEY } from './no-tenant-share-key.constant';

/**
 * The tenant bound of admission control (SPEC §7), right after tenant resolution, the first moment the
 * tenant is certain. The gate on the server charged the request to the tenant its identity headers named
 * before, or to the unidentified share; here it is charged to its resolved tenant, refused with 503
 * `overloaded` if that tenant may not have one more, and the gate learns the tenant for the next request with
 * these headers. Node's request and response types only, so the middleware survives a change of framework; it
 * runs from the API's one tenant request hook (TenantRequestHook), right after the tenant middleware.
 */
@Injectable()
export class TenantAdmissionMiddleware {
  constructor(
    private readonly admission: AdmissionControl,
    private readonly tenantKeys: LearnedTenantKeys,
    private readonly tenantContext: TenantContextService,
  ) {}

  use(request: IncomingMessage, response: ServerResponse, next: (error?: Error) => void): void {
    const tenantKey = this.tenantContext.current()?.tenant?.id ?? NO_TENANT_SHARE_KEY;
    this.tenantKeys.learn(this.tenantKeys.identityOf(request.headers), tenantKey);
    const ticket = this.admission.ticketOf(request) ?? this.admitUngated(tenantKey, response);
    if (ticket === undefined || !this.admission.chargeTo(ticket, tenantKey)) {
      next(new OverloadedException(this.admission.retryAfterSeconds));
      return;
    }
    next();
  }

  /** A server without the gate (an application assembled by hand): the bound still holds, from here on. */
  private admitUngated(tenantKey: string, response: ServerResponse) {
    const ticket = this.admission.admit(tenantKey);
    if (typeof ticket === 'string') return undefined;
    response.once('close', () => this.admission.release(ticket));
    return ticket;
  }
}
