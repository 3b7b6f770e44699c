import type { TenantBranding } from '@tenantpay/tenancy';

/** The branding a tenant set; what it leaves out falls back to defaults (`GET /v1/branding`). */
export class TenantBrandingResponse implements TenantBranding {
  readonly displayName?: string;
  readonly logoUrl?: string;
  readonly primaryColor?: string;
  readonly secondaryColor?: string;
  readonly supportEmail?: string;
  readonly supportUrl?: string;
  /** @example "de-DE" */
  readonly locale?: string;
}
