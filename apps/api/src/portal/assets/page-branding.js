// @ts-check
/**
 * Branding for the portal's single-purpose pages (reset, change password): the tenant's name, logo and colour,
 * from the public branding of this host. The page works unbranded when it cannot be read.
 */
import { callApi } from './api-client.js';
import { PLATFORM_DISPLAY_NAME } from './link-audience.js';

const COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * @typedef {{ primaryColor: string | null, onPrimaryColor: string | null, secondaryColor: string | null, onSecondaryColor: string | null }} BrandColors
 */

/**
 * Paints the brand colours with the text colours the API chose for them (WCAG AA whatever the colour), so a
 * bright secondary colour gets dark text on its cards and a dark one light text. A colour comes only with its
 * text colour: one without the other would leave the stylesheet's default text on the tenant's colour.
 *
 * @param {BrandColors} branding
 */
export function applyBrandColors(branding) {
  const root = document.documentElement.style;
  for (const [colour, onColour, property] of /** @type {const} */ ([
    [branding.primaryColor, branding.onPrimaryColor, 'primary'],
    [branding.secondaryColor, branding.onSecondaryColor, 'secondary'],
  ])) {
    if (colour === null || onColour === null || !COLOR.test(colour) || !COLOR.test(onColour)) continue;
    root.setProperty(`--brand-${property}`, colour);
    root.setProperty(`--brand-on-${property}`, onColour);
  }
}

/** @param {string} pageTitle */
export async function showPageBranding(pageTitle) {
  try {
    /** @type {{ displayName: string, logoUrl: string | null } & BrandColors} */
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
    applyBrandColors(branding);
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
