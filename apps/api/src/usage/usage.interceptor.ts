import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { TenantContextService } from '@tenantpay/tenancy';
import { declaredBodyBytes, RequestUsageMeter } from '@tenantpay/usage';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';

/**
 * Usage metering of authenticated tenant requests (SPEC §2 step 6): `api_calls` and `bandwidth_bytes`
 * (request + response body bytes). When the rate-limit guard already carried the request's increments in its
 * own Redis call (RequestUsageMeter.prepare), this only hands over the response bytes, which ride with a
 * later call: a request costs one Redis round trip in total. Requests the limiter did not carry are written
 * here, once the response is sent, with one call of their own. Refused requests never get this far and are
 * not counted; super-admins (no tenant) are not metered.
 */
@Injectable()
export class UsageInterceptor implements NestInterceptor {
  constructor(
    private readonly meter: RequestUsageMeter,
    private readonly tenantContext: TenantContextService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const current = this.tenantContext.current();
    const tenantId = current?.tenant?.id;
    const principal = current?.principal;
    if (tenantId === undefined || principal == null || principal.kind === 'platform-user')
      return next.handle();
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
    return next.handle();
  }
}
