import { withPollutedPrototype } from '@tenantpay/testing';
import { testTenantSnapshot } from '../../test/tenant-snapshot.factory';

import { ForgedPlatformScopeException } from './forged-platform-scope.exception';
import { PlatformScope } from './platform-scope';
import { ResolutionMethod } from './resolution-method.enum';
import type { TenantContext } from './tenant-context';
import { TenantContextService } from './tenant-context.service';

describe('TenantContextService', () => {
  const context = new TenantContextService();
  const tenant = testTenantSnapshot();
  const publicContext: TenantContext = { tenant: null, resolvedBy: null, principal: null, requestId: 'r1' };

  describe('runAsPlatform', () => {
    it('opens a genuine platform scope carrying its reason', () => {
      context.runAsPlatform('billing export', () => {
        const scope = context.platformScope();
        expect(PlatformScope.isGenuine(scope)).toBe(true);
        expect(scope?.reason).toBe('billing export');
        expect(context.hasContext()).toBe(false);
      });
    });

    it('is the only way in: a PlatformScope cannot be constructed elsewhere', () => {
      expect(() => new PlatformScope(Symbol('PlatformScope issuer'), 'forged')).toThrow(
        'only by TenantContextService.runAsPlatform',
      );
    });
  });

  describe('run', () => {
    it('refuses a caller-built platform scope', () => {
      const forged = { ...publicContext, platformScope: { reason: 'forged' } };
      const work = jest.fn();
      expect(() => context.run(forged, work)).toThrow(ForgedPlatformScopeException);
      expect(work).not.toHaveBeenCalled();
    });

    it('refuses even a genuine scope copied out of runAsPlatform into a context', () => {
      const genuine = context.runAsPlatform('maintenance', () => context.platformScope());
      expect(() =>
        context.run({ ...publicContext, platformScope: genuine } as TenantContext, () => 1),
      ).toThrow(ForgedPlatformScopeException);
    });

    it('does not inherit an outer platform scope', () => {
      context.runAsPlatform('maintenance', () =>
        context.run({ ...publicContext, tenant, resolvedBy: ResolutionMethod.Job }, () => {
          expect(context.platformScope()).toBeUndefined();
          expect(context.getTenantId()).toBe(tenant.id);
        }),
      );
    });
  });

  describe('under a polluted Object.prototype', () => {
    it('does not report a platform scope from Object.prototype.platformScope', async () => {
      await withPollutedPrototype('platformScope', { reason: 'forged' }, () => {
        expect(context.platformScope()).toBeUndefined();
        context.run(publicContext, () => expect(context.platformScope()).toBeUndefined());
        context.run({ ...publicContext, tenant }, () => expect(context.platformScope()).toBeUndefined());
      });
    });

    it('does not read a context field a caller left out from Object.prototype', async () => {
      const { tenant: _omitted, ...withoutTenantField } = publicContext;
      await withPollutedPrototype('tenant', tenant, () => {
        context.run(withoutTenantField as TenantContext, () => {
          expect(context.hasContext()).toBe(false);
          expect(context.current()?.tenant).toBeNull();
        });
      });
    });
  });
});
