import { Decimal128, Double, Long } from 'bson';
import { addExact, compareExact, multiplyExact, zeroLike } from './exact-arithmetic';

describe('addExact', () => {
  it('adds Decimal128 values exactly', () => {
    expect(addExact(Decimal128.fromString('0.1'), Decimal128.fromString('0.2'))).toEqual(
      Decimal128.fromString('0.3'),
    );
  });

  it('widens int32 overflow to Long', () => {
    expect(addExact(2147483647, 1)).toEqual(Long.fromString('2147483648'));
  });

  it('keeps Long exact beyond 2^53', () => {
    expect(addExact(Long.fromString('9007199254740993'), 1)).toEqual(Long.fromString('9007199254740994'));
  });

  it('keeps an integral double result a double', () => {
    expect(addExact(0.5, 0.5)).toEqual(new Double(1));
  });

  it('returns Decimal128 when either side is Decimal128', () => {
    expect(addExact(1, Decimal128.fromString('1.50'))).toEqual(Decimal128.fromString('2.50'));
  });
});

describe('multiplyExact', () => {
  it('multiplies Decimal128 values exactly', () => {
    expect(multiplyExact(Decimal128.fromString('1.10'), 3)).toEqual(Decimal128.fromString('3.30'));
  });

  it('gives a zero of the multiplier type for a missing field', () => {
    expect(zeroLike(Decimal128.fromString('2'))).toEqual(Decimal128.fromString('0'));
    expect(zeroLike(Long.fromNumber(2))).toEqual(Long.ZERO);
  });
});

describe('compareExact', () => {
  it('compares across numeric types by value', () => {
    expect(compareExact(Decimal128.fromString('10'), 9)).toBe(1);
    expect(compareExact(Long.fromNumber(3), new Double(3))).toBe(0);
    expect(compareExact(Decimal128.fromString('9.99'), Decimal128.fromString('10.0'))).toBe(-1);
  });
});
