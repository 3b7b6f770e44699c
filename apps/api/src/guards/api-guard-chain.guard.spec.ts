import { SupportSessionGuard } from '@tenantpay/identity';
import { type CanActivate, type ExecutionContext, ForbiddenException } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthenticationGuard, FeatureGuard, RolesGuard, ScopesGuard, TenantGuard } from '@tenantpay/tenancy';
import { of } from 'rxjs';
import { ApiRateLimitGuard } from '../rate-limiting/api-rate-limit.guard';
import { UsageMeteringGuard } from '../usage/usage-metering.guard';
import { ApiTenancyModule } from '../tenancy/api-tenancy.module';
import { ApiGuardChain } from './api-guard-chain.guard';
import { API_GUARD_ORDER } from './api-guard-order.constant';
import { ApiGuardsModule } from './api-guards.module';

class RefusedByFake extends Error {}

describe('ApiGuardChain', () => {
  const context = {} as ExecutionContext;
  const calls: string[] = [];
  const guard = (name: string, verdict: () => ReturnType<CanActivate['canActivate']>): CanActivate => ({
    canActivate: () => {
      calls.push(name);
      return verdict();
    },
  });
  beforeEach(() => {
    calls.length = 0;
  });

  it('runs the guards in list order, whatever form their answer takes', async () => {
    const chain = new ApiGuardChain([
      guard('first', () => true),
      guard('second', () => Promise.resolve(true)),
      guard('third', () => of(true)),
    ]);
    await expect(chain.canActivate(context)).resolves.toBe(true);
    expect(calls).toEqual(['first', 'second', 'third']);
  });

  it('stops at the first refusal: later guards (the rate limit) never run', async () => {
    const chain = new ApiGuardChain([
      guard('authentication', () => true),
      guard('roles', () => {
        throw new RefusedByFake();
      }),
      guard('rate limit', () => true),
    ]);
    await expect(chain.canActivate(context)).rejects.toBeInstanceOf(RefusedByFake);
    expect(calls).toEqual(['authentication', 'roles']);
  });

  it('answers at once, without a promise, while every guard does', () => {
    const chain = new ApiGuardChain([guard('a', () => true), guard('b', () => true)]);
    expect(chain.canActivate(context)).toBe(true);
    expect(calls).toEqual(['a', 'b']);
  });

  it('refuses with a rejected promise even when the refusing guard answers at once', async () => {
    const chain = new ApiGuardChain([guard('a', () => true), guard('b', () => false)]);
    const verdict = chain.canActivate(context);
    expect(verdict).toBeInstanceOf(Promise);
    await expect(verdict).rejects.toBeInstanceOf(ForbiddenException);
  });

  it('answers a plain false with 403, as Nest would', async () => {
    const chain = new ApiGuardChain([guard('a', () => false), guard('b', () => true)]);
    await expect(chain.canActivate(context)).rejects.toBeInstanceOf(ForbiddenException);
    expect(calls).toEqual(['a']);
  });
});

describe('API_GUARD_ORDER', () => {
  it('is SPEC §2: authentication, tenant, support sessions, roles, scopes, tier features, the rate limit, then usage', () => {
    expect(API_GUARD_ORDER).toEqual([
      AuthenticationGuard,
      TenantGuard,
      SupportSessionGuard,
      RolesGuard,
      ScopesGuard,
      FeatureGuard,
      ApiRateLimitGuard,
      UsageMeteringGuard,
    ]);
  });

  it('is the one global guard of the API, built from that list', () => {
    const globalGuards = (module: object) =>
      ((Reflect.getMetadata('providers', module) ?? []) as { provide?: unknown; inject?: unknown }[]).filter(
        (provider) => provider.provide === APP_GUARD,
      );
    expect(globalGuards(ApiGuardsModule)).toEqual([
      expect.objectContaining({ inject: [...API_GUARD_ORDER] }),
    ]);
    expect(globalGuards(ApiTenancyModule)).toEqual([]);
  });
});
