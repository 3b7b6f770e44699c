import type { TenantLimits } from './limit';
import { TIER_PLANS } from './tier-plans.constant';
import type { Tier } from './tier.enum';

/** The tier's defaults with the tenant's own overrides (a negotiated contract) applied field by field. */
export function effectiveLimits(tenant: { tier: Tier; limits?: Partial<TenantLimits> | null }): TenantLimits {
  const defaults = TIER_PLANS[tenant.tier].limits;
  const overrides = tenant.limits ?? {};
  return {
    maxUsers: overrides.maxUsers ?? defaults.maxUsers,
    transactionsPerMonth: overrides.transactionsPerMonth ?? defaults.transactionsPerMonth,
    apiRequestsPerMinute: overrides.apiRequestsPerMinute ?? defaults.apiRequestsPerMinute,
  };
}
