import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  RATE_LIMIT_ROUTE,
  type RateLimitRequest,
  type RateLimitRouteOptions,
  RateLimitExceededException,
  RateLimiterService,
  rateLimitHeaders,
  SKIP_RATE_LIMIT,
  tenantApiRateLimitPolicy,
} from '@tenantpay/rate-limiting';
import { routeMetadata, TenantContextService } from '@tenantpay/tenancy';
import { declaredBodyBytes, READS_CURRENT_USAGE, RequestUsageMeter } from '@tenantpay/usage';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS_RATE_LIMIT_POLICY, PLATFORM_RATE_LIMIT_POLICY } from './anonymous-rate-limit.policy';

const DEFAULT_BUCKET = 'api';

/**
 * SPEC §2 step 5, after authentication and authorization: a tenant's requests draw on its tier's quota
 * (with its overrides), and the same Redis script call also records the request's usage (`api_calls`,
 * `bandwidth_bytes`), so a request costs one Redis round trip for both. Callers without a tenant are
 * limited per IP (anonymous) or per operator (platform users). Every limited response carries the limit
 * headers; a refusal is a 429 in the API error shape with Retry-After.
 */
@Injectable()
export class ApiRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiterService,
    private readonly tenantContext: TenantContextService,
    private readonly usage: RequestUsageMeter,
  ) {}

  /**
   * A route that skips the limit (health probes among them) is answered at once: no promise, so the guard
   * chain stays synchronous for it (each promise also costs AsyncLocalStorage's hook). Otherwise the verdict
   * is the limiter's decision chained once, with no async function of its own.
   */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (routeMetadata<boolean>(this.reflector, SKIP_RATE_LIMIT, context) === true) return true;
    const route = routeMetadata<RateLimitRouteOptions>(this.reflector, RATE_LIMIT_ROUTE, context) ?? {};
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const response = context.switchToHttp().getResponse<FastifyReply>();

    const decisionRequest = this.describe(request, route);
    const prepared = decisionRequest.tenantId
      ? this.usage.prepare(
          request,
          decisionRequest.tenantId,
          declaredBodyBytes(request.headers['content-length']),
          routeMetadata<boolean>(this.reflector, READS_CURRENT_USAGE, context) === true,
        )
      : undefined;
    return this.limiter
      .consume({ ...decisionRequest.request, usage: prepared?.increment })
      .then((decision) => {
        prepared?.settle(decision);
        if (!decision.allowed) throw new RateLimitExceededException(decision);
        response.headers(rateLimitHeaders(decision));
        return true;
      });
  }

  private describe(
    request: FastifyRequest,
    route: RateLimitRouteOptions,
  ): { request: RateLimitRequest; tenantId?: string } {
    const bucket = route.bucket ?? DEFAULT_BUCKET;
    const cost = route.cost ?? 1;
    const current = this.tenantContext.current();
    const tenant = current?.tenant;
    const principal = current?.principal;
    if (tenant != null && principal != null && principal.kind !== 'platform-user') {
      return {
        tenantId: tenant.id,
        request: {
          subject: tenant.id,
          bucket,
          cost,
          policy: tenantApiRateLimitPolicy(tenant.tier, tenant.limits.apiRequestsPerMinute),
        },
      };
    }
    if (principal?.kind === 'platform-user') {
      return {
        request: {
          subject: `platform:${principal.userId}`,
          bucket,
          cost,
          policy: PLATFORM_RATE_LIMIT_POLICY,
        },
      };
    }
    // Fastify's request.ip honours TRUST_PROXY_HOPS, so a client cannot pick its own bucket with a header.
    return {
      request: {
        subject: `ip:${request.ip ?? 'unknown'}`,
        bucket,
        cost,
        policy: ANONYMOUS_RATE_LIMIT_POLICY,
      },
    };
  }
}
