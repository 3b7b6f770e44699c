import { currencyExponent } from './currency-exponent';

export type ParsedMoney =
  { readonly ok: true; readonly minorUnits: number } | { readonly ok: false; readonly problem: string };

/** The API's largest amount (libs/payments MAX_AMOUNT_MINOR_UNITS). */
const MAX_MINOR_UNITS = 999_999_999_999;

/** Where a typed number's digit groups were: spaces and apostrophes always count, beside the locale's own mark. */
const GROUP = 'G';
/** A first group of one to three digits, then groups of three (or two, as Indian lakhs write), the last of three. */
const GROUPED_DIGITS = /^\d{1,3}(?:G\d{2,3})*G\d{3}$/;

/**
 * What staff type ("42.50", "1,000", "12.345" KWD; "42,50" and "1.000" where the locale writes numbers so) as an
 * integer of the currency's minor units (4250, 100000, 12345), read digit by digit, never through a float. More
 * decimals than the currency has is an error, not a rounding; so is a separator in a place the locale would not
 * put it ("12.50" in German, "12,50" in English), which a reading either way would turn into a hundredfold amount.
 */
export function parseMoney(text: string, currency: string, locale?: string): ParsedMoney {
  const exponent = currencyExponent(currency);
  const { decimal, group } = numberSeparators(locale);
  const marked = text
    .trim()
    .replace(/[\s'’_]/g, GROUP)
    .split(group)
    .join(GROUP);
  const [integer = '', fraction = '', ...rest] = marked.split(decimal);
  if (
    rest.length > 0 ||
    !(/^\d+$/.test(integer) || GROUPED_DIGITS.test(integer)) ||
    !/^\d*$/.test(fraction)
  ) {
    const example = `1${group}234${exponent === 0 ? '' : decimal + '5'.padEnd(exponent, '0')}`;
    return { ok: false, problem: `Enter an amount such as ${example}.` };
  }
  if (fraction.length > exponent)
    return {
      ok: false,
      problem:
        exponent === 0
          ? `${currency} has no decimal places.`
          : `${currency} has ${exponent} decimal place${exponent === 1 ? '' : 's'}.`,
    };
  const minorUnits = Number(integer.split(GROUP).join('') + fraction.padEnd(exponent, '0'));
  if (minorUnits <= 0) return { ok: false, problem: 'The amount must be more than zero.' };
  if (minorUnits > MAX_MINOR_UNITS) return { ok: false, problem: 'The amount is too large.' };
  return { ok: true, minorUnits };
}

/** The locale's decimal mark and digit-group mark, as Intl writes 12,345.6 in it. */
function numberSeparators(locale: string | undefined): { readonly decimal: string; readonly group: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12_345.6);
  return {
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
  };
}
