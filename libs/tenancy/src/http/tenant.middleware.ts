import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { TenantContextService } from '../context/tenant-context.service';
import { TenantResolverService } from '../resolution/tenant-resolver.service';
import { normalizeHostname } from '../tenants/hostname';
import { rememberTenantResolution } from './request-tenant-resolution';

/**
 * Step 2 of every request (SPEC §2): resolves the tenant and caller, then runs the rest of the request
 * inside that tenant context. It refuses only a malformed or conflicting identity (400, 401, 403);
 * whether the route may be served is the guards' decision.
 */
@Injectable()
export class TenantMiddleware implements NestMiddleware {
  constructor(
    private readonly resolver: TenantResolverService,
    private readonly tenantContext: TenantContextService,
  ) {}

  async use(request: Request, _response: Response, next: NextFunction): Promise<void> {
    const resolution = await this.resolver.resolve({
      headers: request.headers,
      // Express's hostname honours X-Forwarded-Host only through the configured trusted proxies.
      hostname: normalizeHostname(request.hostname ?? request.headers.host),
      ip: request.ip ?? request.socket.remoteAddress ?? '',
      requestId: String(request.id ?? ''),
    });
    rememberTenantResolution(request, resolution);
    this.tenantContext.run(resolution.context, () => next());
  }
}
