import fc from 'fast-check';
import { contrastRatio, readableTextColor } from './readable-text-color';

const anyColor = fc.integer({ min: 0, max: 0xffffff }).map((rgb) => `#${rgb.toString(16).padStart(6, '0')}`);

describe('readableTextColor (the live preview)', () => {
  it('reaches WCAG AA (4.5:1) on any colour', () => {
    fc.assert(
      fc.property(anyColor, (background) => {
        expect(contrastRatio(background, readableTextColor(background))).toBeGreaterThanOrEqual(4.5);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes black on a bright yellow and on mid-grey, white on navy', () => {
    expect(readableTextColor('#ffe600')).toBe('#000000');
    expect(readableTextColor('#777777')).toBe('#000000');
    expect(readableTextColor('#0a2540')).toBe('#ffffff');
  });
});
