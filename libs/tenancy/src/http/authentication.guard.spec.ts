import { Reflector } from '@nestjs/core';
import { apiKey, httpContext, tenantUser } from '../../test/guard-context';
import { testTenantSnapshot } from '../../test/tenant-snapshot.factory';
import { AuthenticationGuard } from './authentication.guard';
import { AuthenticationRequiredException } from './authentication-required.exception';
import { Public } from './public.decorator';

class Routes {
  @Public()
  open(): void {}

  closed(): void {}
}

describe('AuthenticationGuard', () => {
  const guard = new AuthenticationGuard(new Reflector());
  const tenant = testTenantSnapshot();

  it('lets anyone through a @Public() route', () => {
    expect(guard.canActivate(httpContext(Routes, 'open', {}))).toBe(true);
    expect(guard.canActivate(httpContext(Routes, 'open'))).toBe(true);
  });

  it('refuses a protected route without a verified principal', () => {
    expect(() => guard.canActivate(httpContext(Routes, 'closed', { tenant }))).toThrow(
      AuthenticationRequiredException,
    );
  });

  it('refuses a protected route the tenant middleware never resolved', () => {
    expect(() => guard.canActivate(httpContext(Routes, 'closed'))).toThrow(AuthenticationRequiredException);
  });

  it('accepts a verified user or API key', () => {
    expect(guard.canActivate(httpContext(Routes, 'closed', { tenant, principal: tenantUser(tenant) }))).toBe(
      true,
    );
    expect(guard.canActivate(httpContext(Routes, 'closed', { tenant, principal: apiKey(tenant, []) }))).toBe(
      true,
    );
  });
});
