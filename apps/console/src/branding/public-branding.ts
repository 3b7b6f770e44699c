import { DEFAULT_DISPLAY_LOCALE } from '../format/display-locale';

/** `GET /v1/branding`: what anyone reaching the tenant's host may see. */
export interface PublicBranding {
  readonly displayName: string;
  readonly logoUrl: string | null;
  readonly primaryColor: string | null;
  readonly secondaryColor: string | null;
  readonly supportEmail: string | null;
  readonly supportUrl: string | null;
  /** BCP 47: how the tenant's dates, numbers and amounts are written. */
  readonly locale: string;
}

export const UNBRANDED: PublicBranding = {
  displayName: 'Payments',
  logoUrl: null,
  primaryColor: null,
  secondaryColor: null,
  supportEmail: null,
  supportUrl: null,
  locale: DEFAULT_DISPLAY_LOCALE,
};
