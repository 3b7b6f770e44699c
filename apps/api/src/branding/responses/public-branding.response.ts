import type { PublicBranding } from '@tenantpay/tenancy';

/** What anyone reaching a tenant's host may see of its brand. */
export class PublicBrandingResponse implements PublicBranding {
  /** @example "Example Bank" */
  readonly displayName!: string;
  /** @example "https://cdn.example-bank.com/logo.svg" */
  readonly logoUrl!: string | null;
  /** @example "#0a3d62" */
  readonly primaryColor!: string | null;
  readonly secondaryColor!: string | null;
  /** @example "support@example-bank.com" */
  readonly supportEmail!: string | null;
  readonly supportUrl!: string | null;
}
