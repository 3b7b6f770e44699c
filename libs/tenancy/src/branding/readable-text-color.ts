import { DARK_TEXT_COLOR, LIGHT_TEXT_COLOR } from './brand-contrast.constant';
import { contrastRatio } from './color-contrast';

/**
 * Black or white, whichever contrasts more with the background. One of them always reaches WCAG AA for text:
 * the two ratios multiply to 21 (each is (L + 0.05) over the other end's), so the larger is at least √21 ≈ 4.58.
 * That is why no brand colour is refused for the text drawn on it.
 */
export function readableTextColor(background: string): string {
  return contrastRatio(background, DARK_TEXT_COLOR) >= contrastRatio(background, LIGHT_TEXT_COLOR)
    ? DARK_TEXT_COLOR
    : LIGHT_TEXT_COLOR;
}
