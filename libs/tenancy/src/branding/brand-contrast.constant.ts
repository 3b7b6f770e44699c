/**
 * WCAG 2.1 contrast thresholds and the colours brand colours are measured against. Text on a brand colour must
 * reach AA for normal text (1.4.3); a brand colour that only draws shapes (buttons, the card's top rule, focus)
 * needs the non-text ratio (1.4.11) against what it sits on.
 */
export const TEXT_CONTRAST_AA = 4.5;
export const NON_TEXT_CONTRAST_AA = 3;
/** Large text (at least 18.66 px bold, like an email's brand heading) needs less than body text. */
export const LARGE_TEXT_CONTRAST_AA = 3;

/** The two text colours a brand colour can carry: one of them always reaches AA (see readable-text-color.ts). */
export const DARK_TEXT_COLOR = '#000000';
export const LIGHT_TEXT_COLOR = '#ffffff';

/** The background of the portal, the console and the emails, on which the brand colours are drawn. */
export const PAGE_BACKGROUND_COLOR = '#ffffff';
