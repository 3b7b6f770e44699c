import type { ExecutionContext, Type } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { Principal } from '../src/context/principal';
import { ResolutionMethod } from '../src/context/resolution-method.enum';
import { rememberTenantResolution } from '../src/http/request-tenant-resolution';
import type { TenantSnapshot } from '../src/tenants/tenant-snapshot';

/** What the tenant middleware concluded for the fake request; omitted, the middleware did not run. */
export interface FakeResolution {
  readonly tenant?: TenantSnapshot | null;
  readonly principal?: Principal | null;
  readonly unresolvedTenant?: boolean;
  /** The request's HTTP method; GET when omitted. */
  readonly method?: string;
  /** The host the request was addressed to (normalized); none when omitted. */
  readonly hostname?: string | null;
}

/**
 * An HTTP ExecutionContext for one handler of a test controller, as Nest builds it for a guard: the route's
 * metadata comes from the decorators on that handler and its class, and the request carries the resolution
 * the middleware would have remembered for it.
 */
export function httpContext<C>(
  controller: Type<C>,
  handler: keyof C & string,
  resolution?: FakeResolution,
): ExecutionContext {
  const request = { headers: {}, ip: '203.0.113.7', method: resolution?.method ?? 'GET', url: '/v1/guarded' };
  if (resolution !== undefined) {
    rememberTenantResolution(request, {
      context: {
        tenant: resolution.tenant ?? null,
        resolvedBy: resolution.tenant == null ? null : ResolutionMethod.JwtClaim,
        principal: resolution.principal ?? null,
        requestId: 'req-guard-test',
      },
      unresolvedTenant: resolution.unresolvedTenant ?? false,
      hostname: resolution.hostname ?? null,
    });
  }
  const method = controller.prototype[handler] as (...args: unknown[]) => unknown;
  return new ExecutionContextHost([request, { set: () => undefined }], controller, method);
}

export function tenantUser(tenant: TenantSnapshot, role = 'ADMIN'): Principal {
  return {
    kind: 'user',
    userId: 'user-1',
    tenantId: tenant.id,
    role,
    tokenId: 'jti-1',
    sessionId: 's-jti-1',
  };
}

export function apiKey(tenant: TenantSnapshot, scopes: readonly string[]): Principal {
  return { kind: 'api-key', apiKeyId: 'key-1', tenantId: tenant.id, scopes };
}

export function platformUser(role = 'SUPER_ADMIN'): Principal {
  return { kind: 'platform-user', userId: 'operator-1', role, tokenId: 'jti-2', sessionId: 's-jti-2' };
}
