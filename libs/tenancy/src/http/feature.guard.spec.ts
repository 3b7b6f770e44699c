import { Reflector } from '@nestjs/core';
import { httpContext, tenantUser } from '../../test/guard-context';
import { testTenantSnapshot } from '../../test/tenant-snapshot.factory';
import { Feature } from '../tiers/feature.enum';
import { Tier } from '../tiers/tier.enum';
import { FeatureGuard } from './feature.guard';
import { FeatureNotInTierException } from './feature-not-in-tier.exception';
import { RequireFeature } from './require-feature.decorator';

class Routes {
  @RequireFeature(Feature.Analytics)
  analytics(): void {}

  payments(): void {}
}

describe('FeatureGuard', () => {
  const guard = new FeatureGuard(new Reflector());
  const starter = testTenantSnapshot('starter', Tier.Starter);
  const professional = testTenantSnapshot('pro', Tier.Professional);

  it("admits a tenant whose tier includes the route's feature", () => {
    expect(
      guard.canActivate(
        httpContext(Routes, 'analytics', { tenant: professional, principal: tenantUser(professional) }),
      ),
    ).toBe(true);
  });

  it('refuses a tenant whose tier lacks it, with feature_not_in_tier', () => {
    expect(() =>
      guard.canActivate(
        httpContext(Routes, 'analytics', { tenant: starter, principal: tenantUser(starter) }),
      ),
    ).toThrow(FeatureNotInTierException);
  });

  it('refuses a request without a tenant on a feature route', () => {
    expect(() => guard.canActivate(httpContext(Routes, 'analytics', {}))).toThrow(FeatureNotInTierException);
  });

  it('lets routes without @RequireFeature through', () => {
    expect(guard.canActivate(httpContext(Routes, 'payments', { tenant: starter }))).toBe(true);
  });
});
