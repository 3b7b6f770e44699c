import { NON_TEXT_CONTRAST_AA, PAGE_BACKGROUND_COLOR } from './brand-contrast.constant';
import { contrastRatio } from './color-contrast';

/**
 * A brand colour that draws shapes too faint against what they sit on (WCAG 1.4.11, 3:1). Text stays readable
 * whatever the colours (readable-text-color.ts), so such a colour is accepted: a bank's colours are its
 * identity, and a faint button edge is the bank's call to make, told plainly, not a reason to refuse.
 */
export interface BrandContrastWarning {
  readonly code: 'low_contrast';
  /** The field at fault, as validation errors name it. */
  readonly param: 'primaryColor';
  /** What it is drawn on: the white page, or the cards in the secondary colour. */
  readonly against: 'page' | 'secondaryColor';
  readonly ratio: number;
  readonly required: number;
  readonly message: string;
}

interface BrandColors {
  readonly primaryColor?: string | null;
  readonly secondaryColor?: string | null;
}

/** The warnings for the colours of a branding; none when the colours are left to their defaults. */
export function brandContrastWarnings(colors: BrandColors): BrandContrastWarning[] {
  const primary = colors.primaryColor;
  if (primary == null) return [];
  const warnings: BrandContrastWarning[] = [];
  const onPage = contrastRatio(primary, PAGE_BACKGROUND_COLOR);
  if (onPage < NON_TEXT_CONTRAST_AA) {
    warnings.push({
      code: 'low_contrast',
      param: 'primaryColor',
      against: 'page',
      ratio: onPage,
      required: NON_TEXT_CONTRAST_AA,
      message: `primaryColor reaches ${onPage}:1 against the white page; buttons and the header bar need ${NON_TEXT_CONTRAST_AA}:1 to stand out.`,
    });
  }
  const secondary = colors.secondaryColor;
  if (secondary == null) return warnings;
  const onCards = contrastRatio(primary, secondary);
  if (onCards < NON_TEXT_CONTRAST_AA) {
    warnings.push({
      code: 'low_contrast',
      param: 'primaryColor',
      against: 'secondaryColor',
      ratio: onCards,
      required: NON_TEXT_CONTRAST_AA,
      message: `primaryColor reaches ${onCards}:1 against secondaryColor; buttons on cards need ${NON_TEXT_CONTRAST_AA}:1 to stand out.`,
    });
  }
  return warnings;
}
