import { SHARED_PLACEMENT } from '@tenantpay/platform';
import { TIER_PLANS } from '../tiers/tier-plans.constant';
import { effectiveLimits } from '../tiers/effective-limits';
import type { Feature } from '../tiers/feature.enum';
import type { TenantLimits } from '../tiers/limit';
import type { Tier } from '../tiers/tier.enum';
import type { Tenant } from './tenant';
import { DomainStatus } from './tenant-domain';
import type { TenantSettings } from './tenant-settings';

/**
 * The tenant as the rest of a request sees it: a plain, deeply frozen value (safe to cache and share
 * between concurrent requests; nothing downstream can change another request's view) with its limits
 * and features already worked out.
 */
export interface TenantSnapshot {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly tier: Tier;
  readonly isActive: boolean;
  /** Read-only: tenant routes refuse every write (see TenantGuard). Suspension blocks everything instead. */
  readonly isArchived: boolean;
  readonly limits: TenantLimits;
  readonly features: readonly Feature[];
  readonly verifiedDomains: readonly string[];
  /** Every custom domain, verified or not: cache invalidation must reach all of them. */
  readonly allDomains: readonly string[];
  readonly settings: TenantSettings;
  /** The MongoDB placement holding the tenant's data (see Tenant.placement): where its repositories read and write. */
  readonly placement: string;
  /** A placement move is under way (see Tenant.moving): the write gate asks the move's Redis state. */
  readonly moving: boolean;
  readonly updatedAt: string;
}

export function toTenantSnapshot(tenant: Tenant): TenantSnapshot {
  return deepFreeze({
    id: tenant._id.toHexString(),
    slug: tenant.slug,
    name: tenant.name,
    tier: tenant.tier,
    isActive: tenant.isActive,
    isArchived: tenant.archivedAt != null,
    limits: effectiveLimits(tenant),
    features: [...TIER_PLANS[tenant.tier].features],
    verifiedDomains: tenant.domains.filter((d) => d.status === DomainStatus.Verified).map((d) => d.hostname),
    allDomains: tenant.domains.map((d) => d.hostname),
    settings: structuredClone({
      branding: { ...(tenant.settings?.branding ?? {}) },
      paymentWorkflow: { ...(tenant.settings?.paymentWorkflow ?? {}) },
    }),
    placement: tenant.placement ?? SHARED_PLACEMENT,
    moving: tenant.moving === true,
    updatedAt: new Date(tenant.updatedAt).toISOString(),
  });
}

export function hasFeature(tenant: TenantSnapshot, feature: Feature): boolean {
  return tenant.features.includes(feature);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
