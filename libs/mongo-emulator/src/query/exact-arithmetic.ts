import { Decimal128, Double, Int32, Long } from 'bson';
import { CommandError } from '../commands/command-error';
import { serializesAsInt32 } from '../wire/bson-codec';

/**
 * `$inc`, `$mul`, `$min` and `$max` with MongoDB's numeric types (see wire/bson-codec.ts for how they are
 * held). The result type follows MongoDB: the wider of the two operands (int < long < double < decimal),
 * and int32 overflow widens to long. Integers and decimals are computed exactly on BigInt (Decimal128
 * 0.1 + 0.2 is exactly 0.3); doubles use IEEE arithmetic like mongod.
 */
export type Numeric = number | Double | Int32 | Long | Decimal128;

type NumericKind = 'int' | 'long' | 'double' | 'decimal';
const RANK: Record<NumericKind, number> = { int: 0, long: 1, double: 2, decimal: 3 };

export function isNumeric(value: unknown): value is Numeric {
  return (
    typeof value === 'number' ||
    value instanceof Long ||
    value instanceof Decimal128 ||
    value instanceof Double ||
    value instanceof Int32
  );
}

/** Numbers mingo would not treat as numbers. */
export function isNumericWrapper(value: unknown): boolean {
  return isNumeric(value) && typeof value !== 'number';
}

function kindOf(value: Numeric): NumericKind {
  if (value instanceof Decimal128) return 'decimal';
  if (value instanceof Long) return 'long';
  if (value instanceof Double) return 'double';
  if (value instanceof Int32) return 'int';
  return serializesAsInt32(value) ? 'int' : 'double';
}

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

function toNumber(value: Numeric): number {
  return typeof value === 'number'
    ? value
    : Number(String(value instanceof Double || value instanceof Int32 ? value.value : value));
}

/** Keeps a double a double on the way out (integral doubles would otherwise serialize as int32). */
function asDouble(value: number): Numeric {
  return serializesAsInt32(value) || Object.is(value, -0) ? new Double(value) : value;
}

function asInteger(value: bigint, kind: NumericKind): Numeric {
  const number = Number(value);
  if (kind === 'int' && serializesAsInt32(number)) return number;
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

export function compareExact(left: Numeric, right: Numeric): number {
  const [a, b] = align(partsOf(left), partsOf(right));
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The zero `$mul` leaves in a missing field, typed like the multiplier. */
export function zeroLike(value: Numeric): Numeric {
  return multiplyExact(0, value);
}
