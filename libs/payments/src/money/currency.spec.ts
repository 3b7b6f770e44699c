import fc from 'fast-check';
import { formatMinorUnits, isKnownCurrency, isValidAmount, minorUnitExponent } from './currency';

describe('currency', () => {
  it('knows the exponent of zero-, two- and three-decimal currencies', () => {
    expect(minorUnitExponent('JPY')).toBe(0);
    expect(minorUnitExponent('EUR')).toBe(2);
    expect(minorUnitExponent('KWD')).toBe(3);
  });

  it('refuses unknown, lowercase and non-payable codes', () => {
    expect(isKnownCurrency('XYZ')).toBe(false);
    expect(isKnownCurrency('usd')).toBe(false);
    expect(isKnownCurrency('XAU')).toBe(false);
    expect(isKnownCurrency('toString')).toBe(false);
  });

  it('formats minor units exactly', () => {
    expect(formatMinorUnits(5, 'EUR')).toBe('0.05');
    expect(formatMinorUnits(12345, 'KWD')).toBe('12.345');
    expect(formatMinorUnits(500, 'JPY')).toBe('500');
  });

  it('formatting round-trips every amount without loss', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999_999_999 }),
        fc.constantFrom('JPY', 'EUR', 'KWD'),
        (a, c) => {
          expect(Number(formatMinorUnits(a, c).replace('.', ''))).toBe(a);
        },
      ),
    );
  });

  it('accepts only positive safe integers up to 12 digits', () => {
    expect(isValidAmount(1)).toBe(true);
    expect(isValidAmount(999_999_999_999)).toBe(true);
    for (const bad of [0, -1, 10.5, 1e13, Number.NaN, Infinity, '100', null])
      expect(isValidAmount(bad)).toBe(false);
  });
});
