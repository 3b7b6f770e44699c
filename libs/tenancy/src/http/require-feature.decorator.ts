import { SetMetadata } from '@nestjs/common';
import type { Feature } from '../tiers/feature.enum';
import { REQUIRED_FEATURE } from './tenancy-route-metadata.constant';

/** The tenant's tier must include this feature, else 403 `feature_not_in_tier`. */
export const RequireFeature = (feature: Feature): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_FEATURE, feature);
