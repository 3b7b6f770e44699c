/**
 * MongoDB's one total order over BSON values (the BSON comparison order), used by sorting, range
 * operators, `$min`/`$max`, and (through canonical-key.ts, which gives equal values equal keys) by the
 * `_id` map and unique indexes. Values of different type brackets compare by bracket: MinKey < null <
 * numbers < string/symbol < object < array < binData < ObjectId < boolean < date < timestamp < regex <
 * code < MaxKey. Numbers compare by exact value across int32, int64, double and Decimal128 (a double
 * by its exact binary value, so 0.1 is not Decimal128 0.1, as in mongod); NaN equals NaN and is below
 * every other number. Embedded documents compare field by field in stored order: type bracket, then
 * name, then value; so `{a, b}` and `{b, a}` differ.
 */
import { collatedStringComparison } from './collation';

type BsonLike = { _bsontype?: string };

/** MongoDB's canonical type numbers (BSONType canonicalization), only their order matters. */
export enum TypeBracket {
  MinKey = -1,
  Undefined = 0,
  Null = 5,
  Number = 10,
  String = 15,
  Object = 20,
  Array = 25,
  BinData = 30,
  ObjectId = 35,
  Boolean = 40,
  Date = 45,
  Timestamp = 47,
  Regex = 50,
  DbPointer = 55,
  Code = 60,
  CodeWithScope = 65,
  MaxKey = 127,
}

/** Sort key of an empty array: below null, above MinKey (mongod uses BSON undefined for it). */
export const EMPTY_ARRAY_SORT_KEY: unique symbol = Symbol('empty array sort key');

function bsonTypeOf(value: unknown): string | undefined {
  return (value as BsonLike)._bsontype;
}

export function typeBracketOf(value: unknown): TypeBracket {
  if (value === null || value === undefined) return TypeBracket.Null;
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return TypeBracket.Number;
    case 'string':
      return TypeBracket.String;
    case 'boolean':
      return TypeBracket.Boolean;
    case 'symbol':
      return TypeBracket.Undefined;
  }
  if (Array.isArray(value)) return TypeBracket.Array;
  if (value instanceof Date) return TypeBracket.Date;
  if (value instanceof RegExp) return TypeBracket.Regex;
  switch (bsonTypeOf(value)) {
    case undefined:
    case 'DBRef':
      return value instanceof Uint8Array ? TypeBracket.BinData : TypeBracket.Object;
    case 'Double':
    case 'Int32':
    case 'Long':
    case 'Decimal128':
      return TypeBracket.Number;
    case 'BSONSymbol':
      return TypeBracket.String;
    case 'Binary':
      return TypeBracket.BinData;
    case 'ObjectId':
      return TypeBracket.ObjectId;
    case 'Timestamp':
      return TypeBracket.Timestamp;
    case 'BSONRegExp':
      return TypeBracket.Regex;
    case 'Code':
      return (value as { scope?: unknown }).scope ? TypeBracket.CodeWithScope : TypeBracket.Code;
    case 'MinKey':
      return TypeBracket.MinKey;
    case 'MaxKey':
      return TypeBracket.MaxKey;
    default:
      return TypeBracket.Object;
  }
}

type StringComparison = (left: string, right: string) => number;

/**
 * Negative, zero or positive as `left` sorts before, with, or after `right`. Strings compare under the
 * running command's collation (collation.ts), binary without one.
 */
export function compareBson(left: unknown, right: unknown): number {
  return compareValues(left, right, collatedStringComparison() ?? compareStrings);
}

/**
 * compareBson with strings always in binary order, whatever the running command's collation: the order of
 * index keys, which must not change with the command that happens to insert or look them up.
 */
export function compareBsonBinary(left: unknown, right: unknown): number {
  return compareValues(left, right, compareStrings);
}

function compareValues(left: unknown, right: unknown, strings: StringComparison): number {
  if (left === right) return 0;
  const leftBracket = typeBracketOf(left);
  const rightBracket = typeBracketOf(right);
  if (leftBracket !== rightBracket) return leftBracket < rightBracket ? -1 : 1;
  switch (leftBracket) {
    case TypeBracket.Number:
      return compareNumbers(left, right);
    case TypeBracket.String:
      return strings(stringOf(left), stringOf(right));
    case TypeBracket.Object:
      return compareDocuments(entriesOf(left), entriesOf(right), strings);
    case TypeBracket.Array:
      return compareArrays(left as unknown[], right as unknown[], strings);
    case TypeBracket.BinData:
      return compareBinary(left, right);
    case TypeBracket.ObjectId:
      return compareObjectIds(left, right);
    case TypeBracket.Boolean:
      return sign(Number(left) - Number(right));
    case TypeBracket.Date:
      return sign((left as Date).getTime() - (right as Date).getTime());
    case TypeBracket.Timestamp:
      return compareTimestamps(left, right);
    case TypeBracket.Regex: {
      const [leftPattern, leftFlags] = regexParts(left);
      const [rightPattern, rightFlags] = regexParts(right);
      return compareStrings(leftPattern, rightPattern) || compareStrings(leftFlags, rightFlags);
    }
    case TypeBracket.Code:
    case TypeBracket.CodeWithScope:
      return compareStrings(
        String((left as { code: unknown }).code),
        String((right as { code: unknown }).code),
      );
    default:
      // null/missing, MinKey, MaxKey, the empty-array sort key: one value per bracket.
      return 0;
  }
}

export function bsonEquals(left: unknown, right: unknown): boolean {
  return compareBson(left, right) === 0;
}

function sign(difference: number): number {
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : String((value as { value?: unknown }).value ?? value);
}

/** Code point order, which is UTF-8 byte order (mongod compares strings as bytes without a collation). */
export function compareStrings(left: string, right: string): number {
  if (left === right) return 0;
  const length = Math.min(left.length, right.length);
  for (let position = 0; position < length; position++) {
    let a = left.charCodeAt(position);
    let b = right.charCodeAt(position);
    if (a === b) continue;
    // A surrogate starts a code point above U+FFFF, so it sorts after every other UTF-16 unit.
    if (a >= 0xd800 && a <= 0xdfff) a += 0x10000;
    if (b >= 0xd800 && b <= 0xdfff) b += 0x10000;
    return a < b ? -1 : 1;
  }
  return sign(left.length - right.length);
}

function entriesOf(value: unknown): Array<[string, unknown]> {
  if (bsonTypeOf(value) === 'DBRef') {
    const reference = value as { toJSON(): Record<string, unknown> };
    return Object.entries(reference.toJSON());
  }
  return Object.entries(value as Record<string, unknown>).filter(([, field]) => field !== undefined);
}

function compareDocuments(
  left: Array<[string, unknown]>,
  right: Array<[string, unknown]>,
  strings: StringComparison,
): number {
  const length = Math.min(left.length, right.length);
  for (let position = 0; position < length; position++) {
    const [leftName, leftValue] = left[position] as [string, unknown];
    const [rightName, rightValue] = right[position] as [string, unknown];
    const leftBracket = typeBracketOf(leftValue);
    const rightBracket = typeBracketOf(rightValue);
    if (leftBracket !== rightBracket) return leftBracket < rightBracket ? -1 : 1;
    const byName = compareStrings(leftName, rightName);
    if (byName !== 0) return byName;
    const byValue = compareValues(leftValue, rightValue, strings);
    if (byValue !== 0) return byValue;
  }
  return sign(left.length - right.length);
}

function compareArrays(
  left: readonly unknown[],
  right: readonly unknown[],
  strings: StringComparison,
): number {
  const length = Math.min(left.length, right.length);
  for (let position = 0; position < length; position++) {
    const order = compareValues(left[position], right[position], strings);
    if (order !== 0) return order;
  }
  return sign(left.length - right.length);
}

function bytesOf(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  return (value as { buffer: Uint8Array }).buffer;
}

function subtypeOf(value: unknown): number {
  return value instanceof Uint8Array ? 0 : Number((value as { sub_type?: number }).sub_type ?? 0);
}

/** mongod: length first, then subtype, then the bytes. */
function compareBinary(left: unknown, right: unknown): number {
  const leftBytes = bytesOf(left);
  const rightBytes = bytesOf(right);
  if (leftBytes.length !== rightBytes.length) return sign(leftBytes.length - rightBytes.length);
  const bySubtype = sign(subtypeOf(left) - subtypeOf(right));
  if (bySubtype !== 0) return bySubtype;
  return sign(Buffer.compare(Buffer.from(leftBytes), Buffer.from(rightBytes)));
}

/** bson 7 keeps an ObjectId's 12 bytes as four unsigned 24-bit big-endian chunks (its `.id` copies them). */
interface ChunkedObjectId {
  readonly i0: number;
  readonly i1: number;
  readonly i2: number;
  readonly i3: number;
}

function isChunked(value: unknown): value is ChunkedObjectId {
  return typeof (value as Partial<ChunkedObjectId>).i0 === 'number';
}

/**
 * Byte order, which is the order of their hex strings; compared on the bytes because index maintenance
 * compares ObjectIds on every write and building hex strings there dominated inserts. bson 7's ObjectIds
 * are compared on their chunks, in byte order too: its `.id` allocates a buffer per call, and index
 * descents and filters compare ObjectIds many times per query.
 */
function compareObjectIds(left: unknown, right: unknown): number {
  if (isChunked(left) && isChunked(right)) {
    const order = left.i0 - right.i0 || left.i1 - right.i1 || left.i2 - right.i2 || left.i3 - right.i3;
    return order < 0 ? -1 : order > 0 ? 1 : 0;
  }
  const leftBytes = (left as { id?: unknown }).id;
  const rightBytes = (right as { id?: unknown }).id;
  if (leftBytes instanceof Uint8Array && rightBytes instanceof Uint8Array) {
    const length = Math.min(leftBytes.length, rightBytes.length);
    for (let position = 0; position < length; position++) {
      const order = (leftBytes[position] as number) - (rightBytes[position] as number);
      if (order !== 0) return order < 0 ? -1 : 1;
    }
    return sign(leftBytes.length - rightBytes.length);
  }
  return compareStrings(objectIdHex(left), objectIdHex(right));
}

function objectIdHex(value: unknown): string {
  return (value as { toHexString(): string }).toHexString();
}

function compareTimestamps(left: unknown, right: unknown): number {
  const a = left as { t: number; i: number };
  const b = right as { t: number; i: number };
  return sign(a.t - b.t) || sign(a.i - b.i);
}

function regexParts(value: unknown): [string, string] {
  if (value instanceof RegExp) return [value.source, [...value.flags].sort().join('')];
  const regex = value as { pattern: string; options: string };
  return [regex.pattern, [...regex.options].sort().join('')];
}

/** A number as mongod sees it: NaN, ±Infinity, or exactly coefficient × 10^exponent. */
export type ExactNumber =
  | { readonly kind: 'nan' }
  | { readonly kind: 'infinity'; readonly negative: boolean }
  | { readonly kind: 'finite'; readonly coefficient: bigint; readonly exponent: number };

const NAN: ExactNumber = { kind: 'nan' };
const DECIMAL_TEXT = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Plain JavaScript number for int32/double values, undefined for int64 and Decimal128. */
function doubleOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  const bsonType = bsonTypeOf(value);
  if (bsonType === 'Double' || bsonType === 'Int32') return (value as { value: number }).value;
  return undefined;
}

export function exactNumberOf(value: unknown): ExactNumber {
  const double = doubleOf(value);
  if (double !== undefined) return exactDouble(double);
  if (typeof value === 'bigint') return { kind: 'finite', coefficient: value, exponent: 0 };
  if (bsonTypeOf(value) === 'Long')
    return { kind: 'finite', coefficient: (value as { toBigInt(): bigint }).toBigInt(), exponent: 0 };
  return exactDecimalText(String(value));
}

function exactDecimalText(text: string): ExactNumber {
  if (text === 'NaN' || text === '-NaN') return NAN;
  if (text === 'Infinity' || text === '-Infinity')
    return { kind: 'infinity', negative: text.startsWith('-') };
  const match = DECIMAL_TEXT.exec(text);
  if (match === null) return NAN;
  const [, signText, integerDigits = '', fractionDigits = '', exponentText = '0'] = match;
  const magnitude = BigInt(`${integerDigits}${fractionDigits}` || '0');
  return {
    kind: 'finite',
    coefficient: signText === '-' ? -magnitude : magnitude,
    exponent: Number(exponentText) - fractionDigits.length,
  };
}

const scratch = new DataView(new ArrayBuffer(8));

/** The exact value of a double: mantissa × 2^e, written as a decimal coefficient × 10^exponent. */
function exactDouble(value: number): ExactNumber {
  if (Number.isNaN(value)) return NAN;
  if (!Number.isFinite(value)) return { kind: 'infinity', negative: value < 0 };
  if (Number.isInteger(value)) return { kind: 'finite', coefficient: BigInt(value), exponent: 0 };
  scratch.setFloat64(0, value);
  const high = scratch.getUint32(0);
  const low = scratch.getUint32(4);
  const biasedExponent = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  if (biasedExponent !== 0) mantissa |= 1n << 52n;
  // value = mantissa × 2^power with power < 0 here (the integers returned above).
  const power = (biasedExponent === 0 ? 1 : biasedExponent) - 1075;
  const coefficient = mantissa * 5n ** BigInt(-power);
  return { kind: 'finite', coefficient: value < 0 ? -coefficient : coefficient, exponent: power };
}

export function compareExactNumbers(left: ExactNumber, right: ExactNumber): number {
  if (left.kind === 'nan' || right.kind === 'nan') {
    return left.kind === right.kind ? 0 : left.kind === 'nan' ? -1 : 1;
  }
  if (left.kind === 'infinity' || right.kind === 'infinity') {
    const leftRank = left.kind === 'infinity' ? (left.negative ? -1 : 1) : 0;
    const rightRank = right.kind === 'infinity' ? (right.negative ? -1 : 1) : 0;
    return sign(leftRank - rightRank);
  }
  const exponent = Math.min(left.exponent, right.exponent);
  const a = left.coefficient * 10n ** BigInt(left.exponent - exponent);
  const b = right.coefficient * 10n ** BigInt(right.exponent - exponent);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Exact numeric order across BSON number types; plain doubles take the fast path. */
export function compareNumbers(left: unknown, right: unknown): number {
  const leftDouble = doubleOf(left);
  const rightDouble = doubleOf(right);
  if (leftDouble !== undefined && rightDouble !== undefined) {
    if (Number.isNaN(leftDouble) || Number.isNaN(rightDouble)) {
      return Number.isNaN(leftDouble) === Number.isNaN(rightDouble) ? 0 : Number.isNaN(leftDouble) ? -1 : 1;
    }
    return leftDouble < rightDouble ? -1 : leftDouble > rightDouble ? 1 : 0;
  }
  return compareExactNumbers(exactNumberOf(left), exactNumberOf(right));
}

/**
 * The `$type` name of a value as stored by this engine (see wire/bson-codec.ts): a plain number is
 * int32 when it would serialize as one, otherwise double.
 */
export function bsonTypeName(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31 && !Object.is(value, -0)
        ? 'int'
        : 'double';
    case 'bigint':
      return 'long';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
  }
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regex';
  if (value instanceof Uint8Array) return 'binData';
  switch (bsonTypeOf(value)) {
    case 'Double':
      return 'double';
    case 'Int32':
      return 'int';
    case 'Long':
      return 'long';
    case 'Decimal128':
      return 'decimal';
    case 'Binary':
      return 'binData';
    case 'ObjectId':
      return 'objectId';
    case 'Timestamp':
      return 'timestamp';
    case 'BSONRegExp':
      return 'regex';
    case 'BSONSymbol':
      return 'symbol';
    case 'Code':
      return (value as { scope?: unknown }).scope ? 'javascriptWithScope' : 'javascript';
    case 'MinKey':
      return 'minKey';
    case 'MaxKey':
      return 'maxKey';
    default:
      return 'object';
  }
}
