import { colord, extend } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';

extend([a11yPlugin]);

/**
 * The WCAG 2.1 contrast ratio of two colours, from 1 to 21. colord rounds it down to two decimals, so a pair
 * reported at a threshold really reaches it.
 */
export function contrastRatio(first: string, second: string): number {
  return colord(first).contrast(second);
}
