import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import {
  type RateLimitDecision,
  RateLimitExceededException,
  type RateLimiterService,
  type RateLimitRequest,
  SkipRateLimit,
  tenantApiRateLimitPolicy,
} from '@tenantpay/rate-limiting';
import {
  type Principal,
  ResolutionMethod,
  TenantContextService,
  type TenantSnapshot,
  Tier,
} from '@tenantpay/tenancy';
import type { RequestUsageMeter } from '@tenantpay/usage';
import { Types } from 'mongoose';
import { ApiRateLimitGuard } from './api-rate-limit.guard';

class Routes {
  payments(): void {}

  @SkipRateLimit()
  health(): void {}
}

function decision(allowed: boolean): RateLimitDecision {
  return {
    allowed,
    policy: 'starter',
    limit: 60,
    remaining: allowed ? 59 : 0,
    reset: 1_900_000_000,
    secondsUntilReset: 60,
    retryAfterSeconds: allowed ? 0 : 30,
    windowSeconds: 60,
    source: 'redis',
    usageRecorded: true,
  } as RateLimitDecision;
}

describe('ApiRateLimitGuard', () => {
  const tenantContext = new TenantContextService();
  // What the guard reads of a tenant: its id, tier and rate limit.
  const tenant = {
    id: new Types.ObjectId().toHexString(),
    tier: Tier.Starter,
    limits: { apiRequestsPerMinute: 60 },
  } as TenantSnapshot;
  const user: Principal = {
    kind: 'user',
    userId: 'u1',
    tenantId: tenant.id,
    role: 'ADMIN',
    tokenId: 'j1',
    sessionId: 's-j1',
  };
  let consumed: RateLimitRequest[];
  let answer: RateLimitDecision;
  let headers: Record<string, string>;
  let settle: jest.Mock;
  let guard: ApiRateLimitGuard;

  const contextFor = (handler: keyof Routes): ExecutionContext => {
    // Fastify's reply sets several headers at once with `headers`.
    const response = { headers: (values: Record<string, string>) => Object.assign(headers, values) };
    return new ExecutionContextHost(
      [{ ip: '203.0.113.7', headers: {} }, response],
      Routes,
      Routes.prototype[handler],
    );
  };
  const as = <T>(principal: Principal | null, withTenant: boolean, work: () => T): T =>
    tenantContext.run(
      {
        tenant: withTenant ? tenant : null,
        resolvedBy: withTenant ? ResolutionMethod.JwtClaim : null,
        principal,
        requestId: 'r1',
      },
      work,
    );

  beforeEach(() => {
    consumed = [];
    answer = decision(true);
    headers = {};
    settle = jest.fn();
    const limiter = {
      consume: async (request: RateLimitRequest) => {
        consumed.push(request);
        return answer;
      },
    } as unknown as RateLimiterService;
    const usage = {
      prepare: () => ({ increment: { api_calls: 1 }, settle }),
    } as unknown as RequestUsageMeter;
    guard = new ApiRateLimitGuard(new Reflector(), limiter, tenantContext, usage);
  });

  it("draws a tenant's request from its tier's quota and meters it in the same call", async () => {
    await expect(as(user, true, () => guard.canActivate(contextFor('payments')))).resolves.toBe(true);
    expect(consumed).toEqual([
      expect.objectContaining({
        subject: tenant.id,
        bucket: 'api',
        cost: 1,
        policy: tenantApiRateLimitPolicy(Tier.Starter, tenant.limits.apiRequestsPerMinute),
        usage: { api_calls: 1 },
      }),
    ]);
    expect(settle).toHaveBeenCalledWith(answer);
    expect(headers).toMatchObject({ 'X-RateLimit-Limit': '60', 'X-RateLimit-Remaining': '59' });
  });

  it('refuses with 429 rate_limit_exceeded when the limiter says no', async () => {
    answer = decision(false);
    await expect(as(user, true, () => guard.canActivate(contextFor('payments')))).rejects.toBeInstanceOf(
      RateLimitExceededException,
    );
  });

  it('limits a platform user per operator and an anonymous caller per IP, never on a tenant’s quota', async () => {
    const operator: Principal = {
      kind: 'platform-user',
      userId: 'op1',
      role: 'SUPER_ADMIN',
      tokenId: 'j2',
      sessionId: 's-j2',
    };
    await as(operator, false, () => guard.canActivate(contextFor('payments')));
    await as(null, true, () => guard.canActivate(contextFor('payments')));
    expect(consumed.map((request) => request.subject)).toEqual(['platform:op1', 'ip:203.0.113.7']);
    expect(consumed.every((request) => request.usage === undefined)).toBe(true);
  });

  it('spends nothing on a @SkipRateLimit() route, and answers at once, without a promise', () => {
    expect(as(user, true, () => guard.canActivate(contextFor('health')))).toBe(true);
    expect(consumed).toEqual([]);
  });
});
