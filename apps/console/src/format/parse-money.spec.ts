import { formatMoney } from './format-money';
import { parseMoney } from './parse-money';

describe('parseMoney', () => {
  it.each([
    ['42.50', 'EUR', 4250],
    ['42.5', 'EUR', 4250],
    ['42', 'EUR', 4200],
    ['1,000.01', 'USD', 100001],
    ['1500', 'JPY', 1500],
    ['12.345', 'KWD', 12345],
    ['0.01', 'EUR', 1],
    ['999999999999', 'JPY', 999_999_999_999],
  ])('reads %s %s as %i minor units, digit by digit', (text, currency, minorUnits) => {
    expect(parseMoney(text, currency, 'en-US')).toEqual({ ok: true, minorUnits });
  });

  it.each([
    ['de-DE', '1.234,56', 'EUR', 123456],
    ['de-DE', '42,5', 'EUR', 4250],
    ['fr-FR', '1 234,56', 'EUR', 123456],
    ['fr-FR', '1\u202f234,56', 'EUR', 123456],
    ['de-CH', "1'234.56", 'CHF', 123456],
    ['en-IN', '1,00,000.50', 'INR', 10000050],
    ['en-US', '1 000', 'USD', 100000],
    ['de-DE', '12,345', 'KWD', 12345],
  ])("reads the %s locale's separators in %j %s as %i minor units", (locale, text, currency, minorUnits) => {
    expect(parseMoney(text, currency, locale)).toEqual({ ok: true, minorUnits });
  });

  it('refuses a separator where the locale would not put it, rather than read a hundredfold amount', () => {
    expect(parseMoney('12.50', 'EUR', 'de-DE')).toEqual({
      ok: false,
      problem: 'Enter an amount such as 1.234,50.',
    });
    expect(parseMoney('12,50', 'EUR', 'en-US')).toEqual({
      ok: false,
      problem: 'Enter an amount such as 1,234.50.',
    });
    expect(parseMoney('1,2345', 'USD', 'en-US').ok).toBe(false);
  });

  it('refuses more decimals than the currency has instead of rounding', () => {
    expect(parseMoney('1.005', 'EUR', 'en-US')).toEqual({ ok: false, problem: 'EUR has 2 decimal places.' });
    expect(parseMoney('1.5', 'JPY', 'en-US')).toEqual({ ok: false, problem: 'JPY has no decimal places.' });
  });

  it.each(['', 'abc', '-5', '1.2.3', '0', '0.00', '1..5', '1,,000'])('refuses %j', (text) => {
    expect(parseMoney(text, 'EUR', 'en-US').ok).toBe(false);
  });

  it('refuses an amount over the API maximum', () => {
    expect(parseMoney('10000000000.00', 'EUR')).toEqual({ ok: false, problem: 'The amount is too large.' });
  });

  it('stays exact where floats would not (0.1 + 0.2 territory, 2^53 neighbours)', () => {
    expect(parseMoney('0.29', 'EUR')).toEqual({ ok: true, minorUnits: 29 });
    expect(parseMoney('9999999999.99', 'EUR')).toEqual({ ok: true, minorUnits: 999_999_999_999 });
  });
});

describe('formatMoney', () => {
  it("writes minor units in the currency's exponent and the locale's style", () => {
    expect(formatMoney(4250, 'EUR', 'en-GB')).toBe('€42.50');
    expect(formatMoney(1500, 'JPY', 'en-US')).toBe('¥1,500');
    expect(formatMoney(12345, 'KWD', 'en-US')).toBe('KWD\u00a012.345');
    expect(formatMoney(999_999_999_999, 'EUR', 'de-DE')).toBe('9.999.999.999,99\u00a0€');
  });
});
