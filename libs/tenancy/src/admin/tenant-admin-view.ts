import { SHARED_PLACEMENT } from '@tenantpay/platform';
import { domainVerificationRecordName } from '../domains/domain-verification.constant';
import type { Tenant } from '../tenants/tenant';
import type { DomainStatus } from '../tenants/tenant-domain';
import type { TenantSettings } from '../tenants/tenant-settings';
import { TIER_PLANS } from '../tiers/tier-plans.constant';
import { effectiveLimits } from '../tiers/effective-limits';
import type { Feature } from '../tiers/feature.enum';
import type { TenantLimits } from '../tiers/limit';
import type { Tier } from '../tiers/tier.enum';

/** A tenant as super-admins see it: everything, including domain verification tokens. */
export interface TenantAdminView {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly tier: Tier;
  readonly isActive: boolean;
  /** When the tenant was archived (read-only), or null. */
  readonly archivedAt: string | null;
  /** When offboarding deleted the tenant's data, or null. */
  readonly offboardedAt: string | null;
  /** What applies: the tier's limits with the overrides. */
  readonly limits: TenantLimits;
  /** The tenant's own overrides only. */
  readonly limitOverrides: Partial<TenantLimits>;
  readonly features: readonly Feature[];
  readonly domains: readonly {
    readonly hostname: string;
    readonly status: DomainStatus;
    readonly verificationToken: string;
    /** The DNS record that proves control of the domain: the token on a dedicated label. */
    readonly verificationRecord: { readonly type: 'TXT'; readonly name: string; readonly value: string };
    readonly verifiedAt: string | null;
    readonly createdAt: string;
  }[];
  readonly settings: TenantSettings;
  /** The MongoDB placement holding the tenant's data; read-only here (only a placement move changes it). */
  readonly placement: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function toTenantAdminView(tenant: Tenant): TenantAdminView {
  return {
    id: tenant._id.toHexString(),
    slug: tenant.slug,
    name: tenant.name,
    tier: tenant.tier,
    isActive: tenant.isActive,
    archivedAt: tenant.archivedAt == null ? null : new Date(tenant.archivedAt).toISOString(),
    offboardedAt: tenant.offboardedAt == null ? null : new Date(tenant.offboardedAt).toISOString(),
    limits: effectiveLimits(tenant),
    limitOverrides: { ...(tenant.limits ?? {}) },
    features: [...TIER_PLANS[tenant.tier].features],
    domains: tenant.domains.map((domain) => ({
      hostname: domain.hostname,
      status: domain.status,
      verificationToken: domain.verificationToken,
      verificationRecord: {
        type: 'TXT',
        name: domainVerificationRecordName(domain.hostname),
        value: domain.verificationToken,
      },
      verifiedAt: domain.verifiedAt === null ? null : new Date(domain.verifiedAt).toISOString(),
      createdAt: new Date(domain.createdAt).toISOString(),
    })),
    settings: {
      branding: { ...(tenant.settings?.branding ?? {}) },
      paymentWorkflow: { ...(tenant.settings?.paymentWorkflow ?? {}) },
    },
    placement: tenant.placement ?? SHARED_PLACEMENT,
    createdAt: new Date(tenant.createdAt).toISOString(),
    updatedAt: new Date(tenant.updatedAt).toISOString(),
  };
}
