import { DomainException, ErrorCode } from '@tenantpay/platform';
import type { Feature } from '../tiers/feature.enum';

export class FeatureNotInTierException extends DomainException {
  constructor(feature: Feature) {
    super(ErrorCode.FeatureNotInTier, "This feature is not included in the tenant's tier.", [
      { field: 'feature', issue: 'not in tier', feature },
    ]);
  }
}
