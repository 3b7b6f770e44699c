import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { TenantContextService } from '@tenantpay/tenancy';
import { declaredBodyBytes, RequestUsageMeter } from '@tenantpay/usage';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Usage metering of authenticated tenant requests (SPEC §2 step 6): `api_calls` and `bandwidth_bytes`
 * (request + response body bytes). When the rate-limit guard already carried the request's increments in its
 * own Redis call (RequestUsageMeter.prepare), this only hands over the response bytes, which ride with a
 * later call: a request costs one Redis round trip in total. Requests the limiter did not carry are written
 * here, once the response is sent, with one call of their own. Refused requests never get this far and are
 * not counted; super-admins (no tenant) are not metered.
 *
 * It never refuses: it is the last step of the guard chain (API_GUARD_ORDER) rather than an interceptor
 * because that is the same moment (every guard passed, before pipes and the handler) without an rxjs
 * pipeline per request; a global interceptor made Nest wrap every route's handler in one.
 */
@Injectable()
export class UsageMeteringGuard implements CanActivate {
  constructor(
    private readonly meter: RequestUsageMeter,
    private readonly tenantContext: TenantContextService,
  ) {}

  canActivate(context: ExecutionContext): true {
    if (context.getType() !== 'http') return true;
    const current = this.tenantContext.current();
    const tenantId = current?.tenant?.id;
    const principal = current?.principal;
    // Platform operators' requests, support sessions included, are not the tenant's consumption.
    if (
      tenantId === undefined ||
      principal == null ||
      principal.kind === 'platform-user' ||
      principal.kind === 'support'
    )
      return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const response = http.getResponse<FastifyReply>();
    response.raw.once('finish', () => {
      const responseBytes = declaredBodyBytes(response.getHeader('content-length'));
      if (this.meter.wasComposed(request)) this.meter.addResponseBytes(tenantId, responseBytes);
      else {
        void this.meter.recordStandalone(
          tenantId,
          declaredBodyBytes(request.headers['content-length']),
          responseBytes,
        );
      }
    });
    return true;
  }
}
