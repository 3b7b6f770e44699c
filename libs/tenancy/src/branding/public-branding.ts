import type { TenantSnapshot } from '../tenants/tenant-snapshot';

/**
 * What `GET /v1/branding` shows anyone who reaches a tenant's host. Deliberately a closed list: the
 * snapshot holds limits, tier and domains that an unauthenticated visitor must not learn.
 */
export interface PublicBranding {
  readonly displayName: string;
  readonly logoUrl: string | null;
  readonly primaryColor: string | null;
  readonly secondaryColor: string | null;
  readonly supportEmail: string | null;
  readonly supportUrl: string | null;
}

export function toPublicBranding(tenant: TenantSnapshot): PublicBranding {
  const branding = tenant.settings.branding;
  return {
    displayName: branding.displayName ?? tenant.name,
    logoUrl: branding.logoUrl ?? null,
    primaryColor: branding.primaryColor ?? null,
    secondaryColor: branding.secondaryColor ?? null,
    supportEmail: branding.supportEmail ?? null,
    supportUrl: branding.supportUrl ?? null,
  };
}
