/** `GET /v1/branding`: what anyone reaching the tenant's host may see (the document declares no body yet). */
export interface PublicBranding {
  readonly displayName: string;
  readonly logoUrl: string | null;
  readonly primaryColor: string | null;
  readonly secondaryColor: string | null;
  readonly supportEmail: string | null;
  readonly supportUrl: string | null;
}

export const UNBRANDED: PublicBranding = {
  displayName: 'Payments',
  logoUrl: null,
  primaryColor: null,
  secondaryColor: null,
  supportEmail: null,
  supportUrl: null,
};
