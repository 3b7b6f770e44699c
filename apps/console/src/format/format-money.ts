import { currencyExponent } from './currency-exponent';
import { displayLocale } from './display-locale';

/**
 * An amount in minor units as the display locale writes money ("€12.50", "12,345 KWD"): converted to a decimal string
 * digit by digit, never through a float, so large amounts stay exact.
 */
export function formatMoney(amountMinor: number, currency: string, locale = displayLocale()): string {
  const exponent = currencyExponent(currency);
  const digits = Math.abs(amountMinor)
    .toString()
    .padStart(exponent + 1, '0');
  const sign = amountMinor < 0 ? '-' : '';
  const decimal =
    exponent === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(decimal as Intl.StringNumericLiteral);
}
