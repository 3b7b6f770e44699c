import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasFeature } from '../tenants/tenant-snapshot';
import type { Feature } from '../tiers/feature.enum';
import { FeatureNotInTierException } from './feature-not-in-tier.exception';
import { requestTenantResolution, routeMetadata } from './route-metadata';
import { REQUIRED_FEATURE } from './tenancy-route-metadata.constant';

/** `@RequireFeature(feature)`: the request's tenant's tier must include it. */
@Injectable()
export class FeatureGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const feature = routeMetadata<Feature>(this.reflector, REQUIRED_FEATURE, context);
    if (feature === undefined) return true;
    const tenant = requestTenantResolution(context)?.context.tenant ?? null;
    if (tenant === null || !hasFeature(tenant, feature)) throw new FeatureNotInTierException(feature);
    return true;
  }
}
