import type { PublicBranding } from '@tenantpay/tenancy';

/** What anyone reaching a tenant's host may see of its brand. */
export class PublicBrandingResponse implements PublicBranding {
  /** @example "Example Bank" */
  readonly displayName!: string;
  /** @example "https://cdn.example-bank.com/logo.svg" */
  readonly logoUrl!: string | null;
  /** @example "#0a3d62" */
  readonly primaryColor!: string | null;
  /**
   * Black or white, whichever reaches WCAG AA (4.5:1) on the primary colour; null when it is the default.
   * @example "#ffffff"
   */
  readonly onPrimaryColor!: string | null;
  readonly secondaryColor!: string | null;
  /** Black or white, whichever reaches WCAG AA (4.5:1) on the secondary colour; null when it is the default. */
  readonly onSecondaryColor!: string | null;
  /** @example "support@example-bank.com" */
  readonly supportEmail!: string | null;
  readonly supportUrl!: string | null;
  /**
   * BCP 47 locale the tenant's dates, numbers and amounts are written in; `en-GB` until the tenant sets one.
   * @example "de-DE"
   */
  readonly locale!: string;
}
