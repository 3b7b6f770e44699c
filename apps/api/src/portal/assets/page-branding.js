// @ts-check
/**
 * Branding for the portal's single-purpose pages (reset, change password): the tenant's name, logo and colour,
 * from the public branding of this host. The page works unbranded when it cannot be read.
 */
import { callApi } from './api-client.js';
import { PLATFORM_DISPLAY_NAME } from './link-audience.js';

const COLOR = /^#[0-9a-fA-F]{6}$/;

/** @param {string} pageTitle */
export async function showPageBranding(pageTitle) {
  try {
    /** @type {{ displayName: string, logoUrl: string | null, primaryColor: string | null }} */
    const branding = await callApi('/v1/branding', { anonymous: true });
    const name = document.getElementById('brand-name');
    if (name !== null) name.textContent = branding.displayName;
    document.title = `${branding.displayName} · ${pageTitle}`;
    const logo = document.getElementById('brand-logo');
    if (
      logo instanceof HTMLImageElement &&
      branding.logoUrl !== null &&
      branding.logoUrl.startsWith('https://')
    ) {
      logo.src = branding.logoUrl;
      logo.alt = `${branding.displayName} logo`;
      logo.hidden = false;
    }
    if (branding.primaryColor !== null && COLOR.test(branding.primaryColor))
      document.documentElement.style.setProperty('--brand-primary', branding.primaryColor);
  } catch {
    // The page works unbranded.
  }
}

/**
 * The platform's name instead of a tenant's brand, for a page opened from an operator's email: the platform host
 * names no tenant, so there is no branding to read.
 *
 * @param {string} pageTitle
 */
export function showPlatformBranding(pageTitle) {
  const name = document.getElementById('brand-name');
  if (name !== null) name.textContent = PLATFORM_DISPLAY_NAME;
  document.title = `${PLATFORM_DISPLAY_NAME} · ${pageTitle}`;
}
