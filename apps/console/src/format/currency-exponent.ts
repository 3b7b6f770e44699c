/**
 * Digits after the decimal point of a currency's minor unit (JPY 0, EUR 2, KWD 3), from the browser's ISO 4217
 * data (Intl), so the console carries no currency table of its own.
 */
export function currencyExponent(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}
