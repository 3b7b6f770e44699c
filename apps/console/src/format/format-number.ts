import { displayLocale } from './display-locale';

/** A count, byte total or percentage as the display locale writes numbers ("12,345" or "12.345"). */
export function formatNumber(
  value: number,
  options?: Intl.NumberFormatOptions,
  locale = displayLocale(),
): string {
  return new Intl.NumberFormat(locale, options).format(value);
}
