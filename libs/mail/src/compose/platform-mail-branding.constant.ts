import { DEFAULT_BRANDING_LOCALE, type PublicBranding } from '@tenantpay/tenancy';

/** How the platform signs email to its own operators (no tenant's white-label applies to them). */
export const PLATFORM_MAIL_BRANDING: PublicBranding = {
  displayName: 'Tenantpay',
  logoUrl: null,
  primaryColor: null,
  onPrimaryColor: null,
  secondaryColor: null,
  onSecondaryColor: null,
  supportEmail: null,
  supportUrl: null,
  locale: DEFAULT_BRANDING_LOCALE,
};
