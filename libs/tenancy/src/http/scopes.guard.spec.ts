import { Reflector } from '@nestjs/core';
import { apiKey, httpContext, tenantUser } from '../../test/guard-context';
import { testTenantSnapshot } from '../../test/tenant-snapshot.factory';
import { AccessDeniedException } from './access-denied.exception';
import { Public } from './public.decorator';
import { Scopes } from './scopes.decorator';
import { ScopesGuard } from './scopes.guard';

class Routes {
  @Scopes('payments:read', 'payments:write')
  writePayments(): void {}

  unscoped(): void {}

  @Public()
  branding(): void {}
}

describe('ScopesGuard', () => {
  const guard = new ScopesGuard(new Reflector());
  const tenant = testTenantSnapshot();

  it('admits an API key holding every scope the route lists', () => {
    const key = apiKey(tenant, ['payments:read', 'payments:write', 'usage:read']);
    expect(guard.canActivate(httpContext(Routes, 'writePayments', { tenant, principal: key }))).toBe(true);
  });

  it('refuses an API key missing one of them', () => {
    const key = apiKey(tenant, ['payments:read']);
    expect(() => guard.canActivate(httpContext(Routes, 'writePayments', { tenant, principal: key }))).toThrow(
      AccessDeniedException,
    );
  });

  it('is closed by default: an API key cannot call a protected route that names no scopes', () => {
    const key = apiKey(tenant, ['payments:read', 'payments:write']);
    expect(() => guard.canActivate(httpContext(Routes, 'unscoped', { tenant, principal: key }))).toThrow(
      AccessDeniedException,
    );
    expect(guard.canActivate(httpContext(Routes, 'branding', { tenant, principal: key }))).toBe(true);
  });

  it('leaves users to the roles guard', () => {
    expect(
      guard.canActivate(httpContext(Routes, 'writePayments', { tenant, principal: tenantUser(tenant) })),
    ).toBe(true);
  });
});
