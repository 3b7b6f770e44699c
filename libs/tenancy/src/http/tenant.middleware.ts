import { Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { TenantContextService } from '../context/tenant-context.service';
import { TenantResolverService } from '../resolution/tenant-resolver.service';
import { type Awaitable, thenOrNow } from '../resolution/then-or-now';
import { normalizeHostname } from '../tenants/hostname';
import { rememberTenantResolution } from './request-tenant-resolution';

/**
 * What the middleware reads of a request: Fastify's request has exactly these (the id it decided, and the
 * hostname and client IP, which honour X-Forwarded-* only through the configured trusted proxies), and the
 * tenancy library needs no HTTP framework's types.
 */
export interface TenantMiddlewareRequest {
  readonly headers: IncomingHttpHeaders;
  readonly id: unknown;
  readonly hostname: string;
  /** Undefined once the socket is gone. */
  readonly ip: string | undefined;
  /** Node's request, which the resolution is remembered beside (see rememberTenantResolution). */
  readonly raw: IncomingMessage;
}

/**
 * Step 2 of every request (SPEC §2): resolves the tenant and caller, then runs the rest of the request
 * inside that tenant context. It refuses only a malformed or conflicting identity (400, 401, 403);
 * whether the route may be served is the guards' decision. The API runs it from one Fastify request hook
 * (not as Nest middleware, which on Fastify costs a middleware engine's dispatch on every request).
 */
@Injectable()
export class TenantMiddleware {
  constructor(
    private readonly resolver: TenantResolverService,
    private readonly tenantContext: TenantContextService,
  ) {}

  /**
   * Not async: when the resolution is answered at once (in-process caches, nearly every request), the request
   * goes on at once, without a promise. A refusal is a rejected promise; what `next` throws is thrown.
   */
  use(request: TenantMiddlewareRequest, next: () => void): Awaitable<void> {
    const resolution = this.resolver.resolve({
      headers: request.headers,
      hostname: normalizeHostname(request.hostname),
      ip: request.ip ?? '',
      requestId: String(request.id ?? ''),
    });
    return thenOrNow(resolution, (resolved) => {
      rememberTenantResolution(request, resolved);
      this.tenantContext.run(resolved.context, next);
    });
  }
}
