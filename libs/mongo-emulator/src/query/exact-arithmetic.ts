import { Decimal128, Double, Int32, Long } from 'bson';
import { CommandError } from '../commands/command-error';
import { serializesAsInt32 } from '../wire/bson-codec';
import { compareNumbers } from './bson-order';

/**
 * `$inc`, `$mul`, `$min`, `$max` and the aggregation arithmetic (`$add`, `$sum`, `$avg`...) with MongoDB's
 * numeric types (see wire/bson-codec.ts for how they are
 * held). The result type follows MongoDB: the wider of the two operands (int < long < double < decimal),
 * int32 overflow widens to long and int64 overflow to double. Integers and decimals are computed exactly on BigInt (Decimal128
 * 0.1 + 0.2 is exactly 0.3); doubles use IEEE arithmetic like mongod.
 */
export type Numeric = number | Double | Int32 | Long | Decimal128;

type NumericKind = 'int' | 'long' | 'double' | 'decimal';
const RANK: Record<NumericKind, number> = { int: 0, long: 1, double: 2, decimal: 3 };

export function isNumeric(value: unknown): value is Numeric {
  if (typeof value === 'number') return true;
  const bsonType = (value as { _bsontype?: unknown } | null | undefined)?._bsontype;
  // Timestamp extends Long in the bson package, hence the type tag rather than instanceof.
  return bsonType === 'Long' || bsonType === 'Decimal128' || bsonType === 'Double' || bsonType === 'Int32';
}

function kindOf(value: Numeric): NumericKind {
  if (typeof value === 'number') return serializesAsInt32(value) ? 'int' : 'double';
  switch (value._bsontype) {
    case 'Decimal128':
      return 'decimal';
    case 'Long':
      return 'long';
    case 'Double':
      return 'double';
    default:
      return 'int';
  }
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

interface DecimalParts {
  readonly coefficient: bigint;
  readonly exponent: number;
}

const DECIMAL_TEXT = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function partsOf(value: Numeric): DecimalParts {
  const text = value instanceof Double || value instanceof Int32 ? String(value.value) : String(value);
  const match = DECIMAL_TEXT.exec(text);
  if (match === null) throw new CommandError('BadValue', `cannot do exact arithmetic on ${text}`);
  const [, sign, integerDigits = '', fractionDigits = '', exponentText = '0'] = match;
  const magnitude = BigInt(`${integerDigits}${fractionDigits}` || '0');
  return {
    coefficient: sign === '-' ? -magnitude : magnitude,
    exponent: Number(exponentText) - fractionDigits.length,
  };
}

function align(left: DecimalParts, right: DecimalParts): [bigint, bigint, number] {
  const exponent = Math.min(left.exponent, right.exponent);
  return [
    left.coefficient * 10n ** BigInt(left.exponent - exponent),
    right.coefficient * 10n ** BigInt(right.exponent - exponent),
    exponent,
  ];
}

export function toNumber(value: Numeric): number {
  return typeof value === 'number'
    ? value
    : Number(String(value instanceof Double || value instanceof Int32 ? value.value : value));
}

/** Keeps a double a double on the way out (integral doubles would otherwise serialize as int32). */
export function asDouble(value: number): Numeric {
  return serializesAsInt32(value) || Object.is(value, -0) ? new Double(value) : value;
}

function asInteger(value: bigint, kind: NumericKind): Numeric {
  const number = Number(value);
  if (kind === 'int' && serializesAsInt32(number)) return number;
  if (value < INT64_MIN || value > INT64_MAX) return asDouble(number);
  return Long.fromBigInt(value);
}

function compute(
  left: Numeric,
  right: Numeric,
  exact: (a: DecimalParts, b: DecimalParts) => DecimalParts,
  float: (a: number, b: number) => number,
): Numeric {
  const kind = RANK[kindOf(left)] >= RANK[kindOf(right)] ? kindOf(left) : kindOf(right);
  if (kind === 'double') return asDouble(float(toNumber(left), toNumber(right)));
  const parts = exact(partsOf(left), partsOf(right));
  if (kind === 'decimal') return Decimal128.fromStringWithRounding(`${parts.coefficient}E${parts.exponent}`);
  return asInteger(parts.coefficient * 10n ** BigInt(Math.max(parts.exponent, 0)), kind);
}

export function addExact(left: Numeric, right: Numeric): Numeric {
  return compute(
    left,
    right,
    (a, b) => {
      const [x, y, exponent] = align(a, b);
      return { coefficient: x + y, exponent };
    },
    (a, b) => a + b,
  );
}

export function multiplyExact(left: Numeric, right: Numeric): Numeric {
  return compute(
    left,
    right,
    (a, b) => ({ coefficient: a.coefficient * b.coefficient, exponent: a.exponent + b.exponent }),
    (a, b) => a * b,
  );
}

export function subtractExact(left: Numeric, right: Numeric): Numeric {
  return addExact(left, multiplyExact(right, -1));
}

/**
 * `$divide`: a double unless a Decimal128 is involved, then a Decimal128 rounded to 34 digits. Division by
 * zero is refused, as mongod does.
 */
export function divideExact(left: Numeric, right: Numeric): Numeric {
  if (compareNumbers(right, 0) === 0) throw new CommandError('BadValue', "can't $divide by zero");
  if (kindOf(left) !== 'decimal' && kindOf(right) !== 'decimal')
    return asDouble(toNumber(left) / toNumber(right));
  const a = partsOf(left);
  const b = partsOf(right);
  const extraDigits = 40;
  let quotient = (a.coefficient * 10n ** BigInt(extraDigits)) / b.coefficient;
  let exponent = a.exponent - b.exponent - extraDigits;
  // An exact quotient takes the exponent closest to the preferred one (IEEE 754): 0.30 / 2 is 0.15.
  if (quotient * b.coefficient === a.coefficient * 10n ** BigInt(extraDigits)) {
    const preferred = a.exponent - b.exponent;
    while (exponent < preferred && quotient % 10n === 0n) {
      quotient /= 10n;
      exponent++;
    }
  }
  return Decimal128.fromStringWithRounding(`${quotient}E${exponent}`);
}

/** `$sum` over the numeric values among `values` (others are ignored, as in MongoDB); 0 when none. */
export function sumExact(values: Iterable<unknown>): Numeric {
  let total: Numeric = 0;
  for (const value of values) if (isNumeric(value)) total = addExact(total, value);
  return total;
}

/** `$avg`: a double (from the exact sum) unless a Decimal128 is involved; null without numeric values. */
export function averageExact(values: Iterable<unknown>): Numeric | null {
  const numbers = [...values].filter(isNumeric);
  if (numbers.length === 0) return null;
  const total = sumExact(numbers);
  if (kindOf(total) === 'decimal') return divideExact(total, numbers.length);
  const exactTotal = kindOf(total) === 'double' ? toNumber(total) : Number(partsOf(total).coefficient);
  return asDouble(exactTotal / numbers.length);
}

export function compareExact(left: Numeric, right: Numeric): number {
  return compareNumbers(left, right);
}

/** The zero `$mul` leaves in a missing field, typed like the multiplier. */
export function zeroLike(value: Numeric): Numeric {
  return multiplyExact(0, value);
}
