import type { components } from '@tenantpay/sdk';

/** A tenant as the super-admin routes answer it: effective limits, overrides, features, domains. */
export type AdminTenant = components['schemas']['TenantAdminResponse'];
export type Tier = AdminTenant['tier'];
export type TenantLimits = AdminTenant['limits'];

export const TIERS: readonly Tier[] = ['STARTER', 'PROFESSIONAL', 'ENTERPRISE'];

export type TenantState = 'active' | 'suspended' | 'archived' | 'offboarded';

/** The one word an operator reads first: offboarded and archived outrank a suspension. */
export function tenantState(
  tenant: Pick<AdminTenant, 'isActive' | 'archivedAt' | 'offboardedAt'>,
): TenantState {
  if (tenant.offboardedAt !== null) return 'offboarded';
  if (tenant.archivedAt !== null) return 'archived';
  return tenant.isActive ? 'active' : 'suspended';
}
