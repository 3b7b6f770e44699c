import { Reflector } from '@nestjs/core';
import { apiKey, httpContext, tenantUser } from '../../test/guard-context';
import { testTenantSnapshot } from '../../test/tenant-snapshot.factory';
import { AccessDeniedException } from './access-denied.exception';
import { AuthenticationRequiredException } from './authentication-required.exception';
import { Roles } from './roles.decorator';
import { RolesGuard } from './roles.guard';
import { Scopes } from './scopes.decorator';

@Roles('VIEWER', 'ADMIN')
class Routes {
  unrestricted(): void {}

  @Roles('ADMIN')
  adminOnly(): void {}

  @Roles('ADMIN')
  @Scopes('payments:write')
  adminOrScopedKey(): void {}
}

class OpenRoutes {
  anyone(): void {}
}

describe('RolesGuard', () => {
  const guard = new RolesGuard(new Reflector());
  const tenant = testTenantSnapshot();

  it('lets any caller through a route without @Roles', () => {
    expect(guard.canActivate(httpContext(OpenRoutes, 'anyone', { tenant }))).toBe(true);
  });

  it("admits a user with one of the route's roles, the handler's overriding the controller's", () => {
    expect(
      guard.canActivate(
        httpContext(Routes, 'unrestricted', { tenant, principal: tenantUser(tenant, 'VIEWER') }),
      ),
    ).toBe(true);
    expect(
      guard.canActivate(httpContext(Routes, 'adminOnly', { tenant, principal: tenantUser(tenant, 'ADMIN') })),
    ).toBe(true);
  });

  it('refuses a user without the role', () => {
    expect(() =>
      guard.canActivate(
        httpContext(Routes, 'adminOnly', { tenant, principal: tenantUser(tenant, 'VIEWER') }),
      ),
    ).toThrow(AccessDeniedException);
  });

  it('refuses a caller without a principal', () => {
    expect(() => guard.canActivate(httpContext(Routes, 'adminOnly', { tenant }))).toThrow(
      AuthenticationRequiredException,
    );
  });

  it('lets an API key through only where the route also declares @Scopes (checked by the scopes guard)', () => {
    const key = apiKey(tenant, []);
    expect(guard.canActivate(httpContext(Routes, 'adminOrScopedKey', { tenant, principal: key }))).toBe(true);
    expect(() => guard.canActivate(httpContext(Routes, 'adminOnly', { tenant, principal: key }))).toThrow(
      AccessDeniedException,
    );
  });
});
