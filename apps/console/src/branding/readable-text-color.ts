import { colord, extend } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';

extend([a11yPlugin]);

const DARK_TEXT = '#000000';
const LIGHT_TEXT = '#ffffff';

/**
 * Black or white, whichever has the higher WCAG contrast with a brand colour: the API's rule for
 * `onPrimaryColor` (libs/tenancy readable-text-color.ts), here for the branding screen's live preview of colours
 * not saved yet. One of the two always reaches AA (4.5:1): their ratios multiply to 21. A near-black instead of
 * black would not: against mid-grey both it and white stay under 4:1.
 */
export function readableTextColor(background: string): string {
  return contrastRatio(background, DARK_TEXT) >= contrastRatio(background, LIGHT_TEXT)
    ? DARK_TEXT
    : LIGHT_TEXT;
}

/** The WCAG 2.1 contrast ratio of two colours, rounded down to hundredths (so a shown pass is a real pass). */
export function contrastRatio(first: string, second: string): number {
  return colord(first).contrast(second);
}
