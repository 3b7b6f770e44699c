import fc from 'fast-check';
import { DARK_TEXT_COLOR, LIGHT_TEXT_COLOR, TEXT_CONTRAST_AA } from './brand-contrast.constant';
import { readableTextColor } from './readable-text-color';

/** WCAG 2.1's relative luminance and contrast, written out here so the library is checked, not trusted. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function wcagContrast(first: string, second: string): number {
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const anyColor = fc.integer({ min: 0, max: 0xffffff }).map((rgb) => `#${rgb.toString(16).padStart(6, '0')}`);

describe('readableTextColor', () => {
  it('reaches WCAG AA for text on any colour', () => {
    fc.assert(
      fc.property(anyColor, (background) => {
        expect(wcagContrast(background, readableTextColor(background))).toBeGreaterThanOrEqual(
          TEXT_CONTRAST_AA,
        );
      }),
      { numRuns: 5000 },
    );
  });

  it('picks the better of black and white', () => {
    fc.assert(
      fc.property(anyColor, (background) => {
        const other = readableTextColor(background) === DARK_TEXT_COLOR ? LIGHT_TEXT_COLOR : DARK_TEXT_COLOR;
        // colord rounds down to hundredths, so a near tie may go either way by less than that.
        expect(wcagContrast(background, readableTextColor(background))).toBeGreaterThan(
          wcagContrast(background, other) - 0.01,
        );
      }),
    );
  });

  it.each([
    ['#ffe600', DARK_TEXT_COLOR],
    ['#f6f8fa', DARK_TEXT_COLOR],
    ['#24292f', LIGHT_TEXT_COLOR],
    ['#0a7d32', LIGHT_TEXT_COLOR],
    ['#FFFFFF', DARK_TEXT_COLOR],
  ])('writes on %s in %s', (background, text) => {
    expect(readableTextColor(background)).toBe(text);
  });
});
