import { compareBson } from './bson-order';
import { collatedStringComparison, withCollation } from './collation';

const compareUnder = (collation: unknown, left: string, right: string) =>
  withCollation(collation, () => compareBson(left, right));

describe('withCollation', () => {
  it('compares strings by code point without a collation or with the simple one', () => {
    expect(compareBson('ping', 'PING')).toBe(1);
    expect(compareUnder({ locale: 'simple' }, 'ping', 'PING')).toBe(1);
  });

  it('ignores case at strength 2 and accents too at strength 1, as ICU does', () => {
    expect(compareUnder({ locale: 'en_US', strength: 2 }, 'ping', 'PING')).toBe(0);
    expect(compareUnder({ locale: 'en_US', strength: 2 }, 'café', 'cafe')).not.toBe(0);
    expect(compareUnder({ locale: 'en_US', strength: 1 }, 'Café', 'cafe')).toBe(0);
    expect(compareUnder({ locale: 'en_US', strength: 3 }, 'ping', 'PING')).not.toBe(0);
  });

  it('orders numbers in strings by value with numericOrdering', () => {
    expect(compareUnder({ locale: 'en', numericOrdering: true }, '10', '9')).toBe(1);
    expect(compareUnder({ locale: 'en' }, '10', '9')).toBe(-1);
  });

  it('is active only while the command runs', () => {
    withCollation({ locale: 'en' }, () => expect(collatedStringComparison()).toBeDefined());
    expect(collatedStringComparison()).toBeUndefined();
  });

  it.each([
    [{ locale: 'en', strength: 4 }, /strength 4 is not supported/],
    [{ locale: 'en', alternate: 'shifted' }, /alternate: "shifted" is not supported/],
    [{ locale: 'en', backwards: true }, /backwards: true is not supported/],
    [{ locale: 'xx_NOT_A_LOCALE_123' }, /locale 'xx_NOT_A_LOCALE_123' is not supported/],
    [{ strength: 2 }, /requires a 'locale'/],
    [{ locale: 'simple', strength: 2 }, /takes no other options/],
  ])('refuses %j loudly instead of comparing in binary', (collation, message) => {
    expect(() => compareUnder(collation, 'a', 'b')).toThrow(message);
  });
});
