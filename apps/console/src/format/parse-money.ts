import { currencyExponent } from './currency-exponent';

export type ParsedMoney =
  { readonly ok: true; readonly minorUnits: number } | { readonly ok: false; readonly problem: string };

/** The API's largest amount (libs/payments MAX_AMOUNT_MINOR_UNITS). */
const MAX_MINOR_UNITS = 999_999_999_999;

/**
 * What staff type ("42.50", "1,000", "12.345" KWD) as an integer of the currency's minor units (4250,
 * 100000, 12345), read digit by digit, never through a float: more decimals than the currency has is an
 * error, not a rounding.
 */
export function parseMoney(text: string, currency: string): ParsedMoney {
  const exponent = currencyExponent(currency);
  const cleaned = text.trim().replace(/[\s,_]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (match === null) return { ok: false, problem: 'Enter an amount such as 12.50.' };
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > exponent)
    return {
      ok: false,
      problem:
        exponent === 0
          ? `${currency} has no decimal places.`
          : `${currency} has ${exponent} decimal place${exponent === 1 ? '' : 's'}.`,
    };
  const minorUnits = Number(whole + fraction.padEnd(exponent, '0'));
  if (minorUnits <= 0) return { ok: false, problem: 'The amount must be more than zero.' };
  if (minorUnits > MAX_MINOR_UNITS) return { ok: false, problem: 'The amount is too large.' };
  return { ok: true, minorUnits };
}
