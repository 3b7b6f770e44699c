import fc from 'fast-check';
import { NON_TEXT_CONTRAST_AA, PAGE_BACKGROUND_COLOR } from './brand-contrast.constant';
import { brandContrastWarnings } from './brand-contrast-warning';
import { contrastRatio } from './color-contrast';

const anyColor = fc.integer({ min: 0, max: 0xffffff }).map((rgb) => `#${rgb.toString(16).padStart(6, '0')}`);

describe('brandContrastWarnings', () => {
  it('warns of a primary colour too faint on the white page, naming the field and the ratio', () => {
    expect(brandContrastWarnings({ primaryColor: '#ffe600', secondaryColor: null })).toEqual([
      expect.objectContaining({
        code: 'low_contrast',
        param: 'primaryColor',
        against: 'page',
        required: NON_TEXT_CONTRAST_AA,
        ratio: contrastRatio('#ffe600', PAGE_BACKGROUND_COLOR),
      }),
    ]);
  });

  it('warns of buttons lost on cards of a close secondary colour', () => {
    expect(brandContrastWarnings({ primaryColor: '#1f4fd1', secondaryColor: '#2a5ae0' })).toEqual([
      expect.objectContaining({ param: 'primaryColor', against: 'secondaryColor' }),
    ]);
  });

  it('says nothing of distinct colours or of the defaults', () => {
    expect(brandContrastWarnings({ primaryColor: '#0a7d32', secondaryColor: '#f6f8fa' })).toEqual([]);
    expect(brandContrastWarnings({ primaryColor: null, secondaryColor: '#ffe600' })).toEqual([]);
    expect(brandContrastWarnings({})).toEqual([]);
  });

  it('warns exactly when a pair is under the non-text ratio', () => {
    fc.assert(
      fc.property(anyColor, anyColor, (primaryColor, secondaryColor) => {
        const against = brandContrastWarnings({ primaryColor, secondaryColor }).map(
          (warning) => warning.against,
        );
        expect(against.includes('page')).toBe(
          contrastRatio(primaryColor, PAGE_BACKGROUND_COLOR) < NON_TEXT_CONTRAST_AA,
        );
        expect(against.includes('secondaryColor')).toBe(
          contrastRatio(primaryColor, secondaryColor) < NON_TEXT_CONTRAST_AA,
        );
      }),
    );
  });
});
