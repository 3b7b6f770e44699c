import { Reflector } from '@nestjs/core';
import { testAppConfig } from '@tenantpay/testing';
import { httpContext, platformUser, tenantUser, apiKey } from '../../test/guard-context';
import { testTenantSnapshot } from '../../test/tenant-snapshot.factory';
import type { SecurityAuditEvent } from '../resolution/security-audit-sink';
import { TenancyAuditAction } from '../resolution/tenancy-audit-actions.constant';
import { TenantMismatchException } from '../resolution/tenant-mismatch.exception';
import { TenantNotFoundException } from '../tenants/tenant-not-found.exception';
import { AccessDeniedException } from './access-denied.exception';
import { AllowSuspendedTenant } from './allow-suspended-tenant.decorator';
import { AuthenticationRequiredException } from './authentication-required.exception';
import { BypassTenantIsolation } from './bypass-tenant-isolation.decorator';
import { Public } from './public.decorator';
import { RequiresTenant } from './requires-tenant.decorator';
import { TenantRequiredException } from './tenant-required.exception';
import { Roles } from './roles.decorator';
import { TenantGuard } from './tenant.guard';
import { TenantArchivedException } from './tenant-archived.exception';
import { TenantSuspendedException } from './tenant-suspended.exception';

class Routes {
  tenantRoute(): void {}

  @AllowSuspendedTenant()
  suspendedAllowed(): void {}

  @Public()
  publicRoute(): void {}

  @Public()
  @RequiresTenant()
  login(): void {}

  @BypassTenantIsolation('guard test: cross-tenant read')
  @Roles('SUPER_ADMIN')
  platformRoute(): void {}
}

describe('TenantGuard', () => {
  const audited: SecurityAuditEvent[] = [];
  // Only the base domain is read; nothing connects.
  const config = testAppConfig({
    MONGODB_URI: 'mongodb://127.0.0.1:1/guard',
    REDIS_URL: 'redis://127.0.0.1:1',
  });
  const guard = new TenantGuard(new Reflector(), config, {
    record: async (event) => void audited.push(event),
  });
  beforeEach(() => {
    audited.length = 0;
  });
  const tenantA = testTenantSnapshot('bank-a');
  const tenantB = testTenantSnapshot('bank-b');
  const suspended = { ...testTenantSnapshot('bank-s'), isActive: false };
  const archived = { ...testTenantSnapshot('bank-r'), isArchived: true };

  describe('archived tenants (read-only)', () => {
    it.each(['GET', 'HEAD', 'OPTIONS'])('lets %s through', (method) => {
      const resolution = { tenant: archived, principal: tenantUser(archived), method };
      expect(guard.canActivate(httpContext(Routes, 'tenantRoute', resolution))).toBe(true);
    });

    it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'post'])('refuses %s with tenant_archived', (method) => {
      const resolution = { tenant: archived, principal: tenantUser(archived), method };
      expect(() => guard.canActivate(httpContext(Routes, 'tenantRoute', resolution))).toThrow(
        TenantArchivedException,
      );
    });

    it('refuses writes by API keys as well as users', () => {
      const resolution = {
        tenant: archived,
        principal: apiKey(archived, ['payments:write']),
        method: 'POST',
      };
      expect(() => guard.canActivate(httpContext(Routes, 'tenantRoute', resolution))).toThrow(
        TenantArchivedException,
      );
    });

    it('leaves public routes (login) open, so staff can still sign in to read', () => {
      expect(guard.canActivate(httpContext(Routes, 'login', { tenant: archived, method: 'POST' }))).toBe(
        true,
      );
    });

    it('still answers tenant_suspended first for a suspended archived tenant', () => {
      const both = { ...archived, isActive: false };
      expect(() =>
        guard.canActivate(
          httpContext(Routes, 'tenantRoute', { tenant: both, principal: tenantUser(both), method: 'POST' }),
        ),
      ).toThrow(TenantSuspendedException);
    });
  });

  describe('tenant routes', () => {
    it("accepts a credential of the request's own tenant", () => {
      expect(
        guard.canActivate(
          httpContext(Routes, 'tenantRoute', { tenant: tenantA, principal: tenantUser(tenantA) }),
        ),
      ).toBe(true);
    });

    it("refuses a user credential of another tenant than the request's (credential tenant = resolved tenant)", () => {
      expect(() =>
        guard.canActivate(
          httpContext(Routes, 'tenantRoute', { tenant: tenantB, principal: tenantUser(tenantA) }),
        ),
      ).toThrow(TenantMismatchException);
    });

    it("refuses an API key of another tenant than the request's", () => {
      expect(() =>
        guard.canActivate(
          httpContext(Routes, 'tenantRoute', {
            tenant: tenantB,
            principal: apiKey(tenantA, ['payments:read']),
          }),
        ),
      ).toThrow(TenantMismatchException);
    });

    it('refuses a caller without a principal', () => {
      expect(() => guard.canActivate(httpContext(Routes, 'tenantRoute', { tenant: tenantA }))).toThrow(
        AuthenticationRequiredException,
      );
    });

    it('answers 404 when the header or host named a tenant that does not exist', () => {
      expect(() =>
        guard.canActivate(
          httpContext(Routes, 'tenantRoute', { principal: tenantUser(tenantA), unresolvedTenant: true }),
        ),
      ).toThrow(TenantNotFoundException);
    });

    it('refuses a platform user on a tenant route', () => {
      expect(() =>
        guard.canActivate(httpContext(Routes, 'tenantRoute', { tenant: tenantA, principal: platformUser() })),
      ).toThrow(AccessDeniedException);
      expect(() =>
        guard.canActivate(httpContext(Routes, 'tenantRoute', { principal: platformUser() })),
      ).toThrow(AccessDeniedException);
    });

    it('refuses a suspended tenant unless the route allows it', () => {
      const resolution = { tenant: suspended, principal: tenantUser(suspended) };
      expect(() => guard.canActivate(httpContext(Routes, 'tenantRoute', resolution))).toThrow(
        TenantSuspendedException,
      );
      expect(guard.canActivate(httpContext(Routes, 'suspendedAllowed', resolution))).toBe(true);
    });
  });

  describe('public routes', () => {
    it('lets anyone in, for an active tenant or none', () => {
      expect(guard.canActivate(httpContext(Routes, 'publicRoute', {}))).toBe(true);
      expect(guard.canActivate(httpContext(Routes, 'publicRoute', { tenant: tenantA }))).toBe(true);
    });

    it('refuses a suspended tenant', () => {
      expect(() => guard.canActivate(httpContext(Routes, 'publicRoute', { tenant: suspended }))).toThrow(
        TenantSuspendedException,
      );
    });

    it('answers 404 on @RequiresTenant() when the named tenant does not exist', () => {
      expect(() => guard.canActivate(httpContext(Routes, 'login', { unresolvedTenant: true }))).toThrow(
        TenantNotFoundException,
      );
      expect(guard.canActivate(httpContext(Routes, 'publicRoute', { unresolvedTenant: true }))).toBe(true);
    });

    it('answers 400 on @RequiresTenant() when nothing names a tenant (a platform user on a tenant-less host)', () => {
      expect(() => guard.canActivate(httpContext(Routes, 'login', {}))).toThrow(TenantRequiredException);
      expect(() => guard.canActivate(httpContext(Routes, 'login', { principal: platformUser() }))).toThrow(
        TenantRequiredException,
      );
    });
  });

  describe('@BypassTenantIsolation() routes', () => {
    it('admit a SUPER_ADMIN platform user only', () => {
      expect(guard.canActivate(httpContext(Routes, 'platformRoute', { principal: platformUser() }))).toBe(
        true,
      );
      for (const principal of [platformUser('SUPPORT'), tenantUser(tenantA, 'SUPER_ADMIN'), null]) {
        expect(() =>
          guard.canActivate(httpContext(Routes, 'platformRoute', { tenant: tenantA, principal })),
        ).toThrow(AccessDeniedException);
      }
    });

    it.each([
      ['the platform host', 'admin.tenantpay.test'],
      ['the bare base domain', 'tenantpay.test'],
      ['a single-label host (server-to-server)', 'localhost'],
      ['no usable host name (an IP literal)', null],
    ])('are served on %s', (_, hostname) => {
      expect(
        guard.canActivate(httpContext(Routes, 'platformRoute', { principal: platformUser(), hostname })),
      ).toBe(true);
      expect(audited).toEqual([]);
    });

    it.each([
      ["a bank's subdomain", 'bank-a.tenantpay.test', tenantA],
      ["a bank's subdomain behind more labels", 'admin.bank-a.tenantpay.test', tenantA],
      ["a bank's custom domain", 'pay.bank-a.example', tenantA],
      ['a subdomain that names no tenant', 'nosuchbank.tenantpay.test', null],
      ['a custom-domain candidate that names no tenant', 'pay.unknown.example', null],
    ])('refuse a SUPER_ADMIN token on %s, with a platform audit event', async (_, hostname, tenant) => {
      const verdict = guard.canActivate(
        httpContext(Routes, 'platformRoute', { principal: platformUser(), tenant, hostname, method: 'POST' }),
      );
      await expect(verdict).rejects.toThrow(AccessDeniedException);
      expect(audited).toEqual([
        {
          action: TenancyAuditAction.PlatformRouteOnTenantHost,
          outcome: 'denied',
          tenantId: null,
          actor: { type: 'platform-user', id: 'operator-1' },
          resource: { type: 'route', id: 'POST /v1/guarded' },
          ip: '203.0.113.7',
          requestId: 'req-guard-test',
          metadata: { host: hostname },
        },
      ]);
    });
  });
});
