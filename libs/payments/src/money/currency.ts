import { ISO_4217_MINOR_UNITS } from './iso-4217-currencies.constant';

/** Largest accepted amount in minor units: 12 digits, far inside Number.MAX_SAFE_INTEGER so sums stay exact. */
export const MAX_AMOUNT_MINOR_UNITS = 999_999_999_999;

export function isKnownCurrency(code: unknown): code is string {
  return typeof code === 'string' && Object.hasOwn(ISO_4217_MINOR_UNITS, code);
}

/** Digits after the decimal point for the currency (JPY 0, EUR 2, KWD 3). */
export function minorUnitExponent(currency: string): number {
  const exponent = ISO_4217_MINOR_UNITS[currency];
  if (exponent === undefined) throw new Error(`Unknown currency ${currency}`);
  return exponent;
}

/** The exact decimal form of an amount ("12.345" for 12345 KWD minor units), built from digits, never floats. */
export function formatMinorUnits(amount: number, currency: string): string {
  const exponent = minorUnitExponent(currency);
  const digits = Math.abs(amount)
    .toString()
    .padStart(exponent + 1, '0');
  const sign = amount < 0 ? '-' : '';
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

export function isValidAmount(amount: unknown): amount is number {
  return (
    typeof amount === 'number' &&
    Number.isSafeInteger(amount) &&
    amount > 0 &&
    amount <= MAX_AMOUNT_MINOR_UNITS
  );
}
