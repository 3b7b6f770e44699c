import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { TenantContextService } from '../context/tenant-context.service';
import { TenantResolverService } from '../resolution/tenant-resolver.service';
import { normalizeHostname } from '../tenants/hostname';
import { rememberTenantResolution } from './request-tenant-resolution';

/**
 * Step 2 of every request (SPEC §2): resolves the tenant and caller, then runs the rest of the request
 * inside that tenant context. It refuses only a malformed or conflicting identity (400, 401, 403);
 * whether the route may be served is the guards' decision.
 */
/**
 * Node's request as Nest middleware gets it on Fastify, with what Fastify decided copied onto it: the id,
 * and the hostname and client IP, which honour X-Forwarded-* only through the configured trusted proxies.
 */
type MiddlewareRequest = IncomingMessage & { id?: unknown; hostname?: string; ip?: string };

@Injectable()
export class TenantMiddleware implements NestMiddleware {
  constructor(
    private readonly resolver: TenantResolverService,
    private readonly tenantContext: TenantContextService,
  ) {}

  async use(request: MiddlewareRequest, _response: unknown, next: () => void): Promise<void> {
    const resolution = await this.resolver.resolve({
      headers: request.headers,
      hostname: normalizeHostname(request.hostname ?? request.headers.host),
      ip: request.ip ?? request.socket.remoteAddress ?? '',
      requestId: String(request.id ?? ''),
    });
    rememberTenantResolution(request, resolution);
    this.tenantContext.run(resolution.context, () => next());
  }
}
