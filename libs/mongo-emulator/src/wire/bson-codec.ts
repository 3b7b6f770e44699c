import { BSON, Double, Int32, type Document } from 'bson';

/**
 * How the emulator represents BSON numbers, chosen so every value goes back out with the type it came
 * in with: int32 → number (JavaScript integers in int32 range serialize as int32); double → number,
 * except integral values in int32 range and -0, which stay `Double` (as numbers they would come back as
 * int32); int64 → `Long` always; Decimal128 → `Decimal128`. Comparisons and arithmetic on the wrappers
 * are handled in query/bson-order.ts and query/exact-arithmetic.ts.
 */
const DECODE_OPTIONS: BSON.DeserializeOptions = {
  promoteValues: false,
  promoteLongs: false,
  bsonRegExp: false,
};

export function decodeDocument(bytes: Uint8Array): Document {
  return normalizeNumbers(BSON.deserialize(bytes, DECODE_OPTIONS)) as Document;
}

export function encodeDocument(document: Document): Uint8Array {
  return BSON.serialize(document, { ignoreUndefined: true, checkKeys: false });
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** A JavaScript number that the BSON serializer would write as int32. */
export function serializesAsInt32(value: number): boolean {
  return Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX && !Object.is(value, -0);
}

function normalizeNumbers(value: unknown): unknown {
  if (value instanceof Int32) return value.value;
  if (value instanceof Double)
    return serializesAsInt32(value.value) || Object.is(value.value, -0) ? value : value.value;
  if (Array.isArray(value)) {
    for (let position = 0; position < value.length; position++)
      value[position] = normalizeNumbers(value[position]);
    return value;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const document = value as Document;
    for (const key of Object.keys(document)) document[key] = normalizeNumbers(document[key]);
  }
  return value;
}
