import { setDisplayLocale } from '../format/display-locale';
import type { PublicBranding } from './public-branding';
import { readableTextColor } from './readable-text-color';

const COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * Paints the console in the tenant's colours through CSS custom properties (set through the CSSOM, which the
 * strict CSP allows, unlike style attributes), each with a text colour that stays readable on it, and writes its
 * dates, numbers and amounts in the tenant's locale from then on.
 */
export function applyBranding(branding: PublicBranding): void {
  const root = document.documentElement.style;
  for (const [name, color] of [
    ['primary', branding.primaryColor],
    ['secondary', branding.secondaryColor],
  ] as const) {
    if (color === null || !COLOR.test(color)) continue;
    root.setProperty(`--brand-${name}`, color);
    root.setProperty(`--brand-on-${name}`, readableTextColor(color));
  }
  setDisplayLocale(branding.locale);
  document.title = `${branding.displayName} · Payments console`;
}
