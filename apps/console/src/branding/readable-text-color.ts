const DARK_TEXT = '#1f2328';
const LIGHT_TEXT = '#ffffff';

/**
 * The text colour (near-black or white) with the higher WCAG 2 contrast ratio against a brand colour, so a bright
 * yellow gets dark text and a navy white text, whatever the tenant picks.
 */
export function readableTextColor(background: string): string {
  const backgroundLuminance = relativeLuminance(background);
  return contrastRatio(backgroundLuminance, relativeLuminance(DARK_TEXT)) >=
    contrastRatio(backgroundLuminance, relativeLuminance(LIGHT_TEXT))
    ? DARK_TEXT
    : LIGHT_TEXT;
}

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(luminanceA: number, luminanceB: number): number {
  return (Math.max(luminanceA, luminanceB) + 0.05) / (Math.min(luminanceA, luminanceB) + 0.05);
}
