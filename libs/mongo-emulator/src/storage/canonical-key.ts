import { exactNumberOf } from '../query/bson-order';

/**
 * A stable string for a BSON value under MongoDB's equality rules (the hash counterpart of
 * query/bson-order.ts: two values get the same key exactly when compareBson finds them equal), used as the key of the `_id` map and
 * of unique indexes so that lookups and duplicate checks are hash lookups instead of scans. Types stay
 * apart (1 and '1' differ) except numbers: int32, double, int64 and Decimal128 holding the same value are
 * the same key, as in MongoDB. null and a missing field are the same key, as in a MongoDB index.
 * Embedded documents compare field order too, as in MongoDB.
 */
export function canonicalKey(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'number':
      return canonicalDouble(value);
    case 'bigint':
      return canonicalNumber(value.toString());
    case 'string':
      return `s${JSON.stringify(value)}`;
    case 'boolean':
      return value ? 'true' : 'false';
  }
  if (value instanceof Date) return `d${value.getTime()}`;
  if (value instanceof RegExp) return `r/${value.source}/${value.flags}`;
  if (Array.isArray(value)) return `[${value.map(canonicalKey).join(',')}]`;
  return canonicalBsonObject(value as Record<string, unknown>);
}

function canonicalBsonObject(value: Record<string, unknown>): string {
  const bsonType = (value as { _bsontype?: unknown })._bsontype;
  switch (bsonType) {
    case 'ObjectId':
      return `o${(value as unknown as { toHexString(): string }).toHexString()}`;
    case 'Decimal128':
    case 'Long':
      return canonicalNumber(String(value));
    case 'Int32':
    case 'Double':
      return canonicalDouble((value as unknown as { value: number }).value);
    case 'Timestamp':
      return `t${String(value)}`;
    case 'Binary': {
      const binary = value as unknown as { sub_type: number; buffer: Uint8Array };
      return `x${binary.sub_type}:${Buffer.from(binary.buffer).toString('base64')}`;
    }
    case 'MinKey':
      return 'minkey';
    case 'MaxKey':
      return 'maxkey';
    case 'BSONRegExp': {
      const regex = value as unknown as { pattern: string; options: string };
      return `r/${regex.pattern}/${regex.options}`;
    }
    case 'Code':
      return `c${JSON.stringify((value as unknown as { code: string }).code)}`;
    case 'BSONSymbol':
      return `s${JSON.stringify(String(value))}`;
  }
  const fields = Object.keys(value).map((key) => `${JSON.stringify(key)}:${canonicalKey(value[key])}`);
  return `{${fields.join(',')}}`;
}

/**
 * Integral doubles print exactly; a fractional double is keyed by its exact binary value (0.1 is
 * 0.1000000000000000055511151231257827...), so it never collides with Decimal128 0.1, as in mongod.
 */
function canonicalDouble(value: number): string {
  if (Number.isInteger(value) || !Number.isFinite(value)) return canonicalNumber(String(value));
  const exact = exactNumberOf(value);
  return exact.kind === 'finite' ? canonicalNumber(`${exact.coefficient}E${exact.exponent}`) : 'nNaN';
}

const DECIMAL_TEXT = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Reduces any decimal spelling (1, 1.0, 1.50E+1, 1e21) to sign, significant digits and exponent. */
function canonicalNumber(text: string): string {
  const match = DECIMAL_TEXT.exec(text);
  if (match === null) return `n${text}`; // NaN, Infinity, -Infinity
  const [, sign, integerDigits = '', fractionDigits = '', exponentText = '0'] = match;
  const allDigits = (integerDigits + fractionDigits).replace(/^0+/, '');
  if (allDigits === '') return 'n0';
  const significant = allDigits.replace(/0+$/, '');
  const exponent = Number(exponentText) - fractionDigits.length + (allDigits.length - significant.length);
  return `n${sign === '-' ? '-' : ''}${significant}e${exponent}`;
}
