import type { TenantSnapshot } from '../tenants/tenant-snapshot';
import { DEFAULT_BRANDING_LOCALE } from './branding-locale.constant';
import { readableTextColor } from './readable-text-color';

/**
 * What `GET /v1/branding` shows anyone who reaches a tenant's host. Deliberately a closed list: the
 * snapshot holds limits, tier and domains that an unauthenticated visitor must not learn.
 */
export interface PublicBranding {
  readonly displayName: string;
  readonly logoUrl: string | null;
  readonly primaryColor: string | null;
  /** The text colour to write on `primaryColor` (WCAG AA, 4.5:1); null when the colour is the default. */
  readonly onPrimaryColor: string | null;
  readonly secondaryColor: string | null;
  /** The text colour to write on `secondaryColor` (WCAG AA, 4.5:1); null when the colour is the default. */
  readonly onSecondaryColor: string | null;
  readonly supportEmail: string | null;
  readonly supportUrl: string | null;
  /** The BCP 47 locale the tenant's dates, numbers and amounts are written in (`DEFAULT_BRANDING_LOCALE` if unset). */
  readonly locale: string;
}

export function toPublicBranding(tenant: TenantSnapshot): PublicBranding {
  const branding = tenant.settings.branding;
  const primaryColor = branding.primaryColor ?? null;
  const secondaryColor = branding.secondaryColor ?? null;
  return {
    displayName: branding.displayName ?? tenant.name,
    logoUrl: branding.logoUrl ?? null,
    primaryColor,
    onPrimaryColor: primaryColor === null ? null : readableTextColor(primaryColor),
    secondaryColor,
    onSecondaryColor: secondaryColor === null ? null : readableTextColor(secondaryColor),
    supportEmail: branding.supportEmail ?? null,
    supportUrl: branding.supportUrl ?? null,
    locale: branding.locale ?? DEFAULT_BRANDING_LOCALE,
  };
}
