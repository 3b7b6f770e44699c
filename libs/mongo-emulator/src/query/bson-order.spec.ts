import {
  Binary,
  BSONRegExp,
  Decimal128,
  Double,
  Int32,
  Long,
  MaxKey,
  MinKey,
  ObjectId,
  Timestamp,
} from 'bson';
import fc from 'fast-check';
import { canonicalKey } from '../storage/canonical-key';
import { bsonTypeName, compareBson, EMPTY_ARRAY_SORT_KEY } from './bson-order';

const sign = (value: number): number => Math.sign(value);

describe('compareBson', () => {
  it('orders type brackets as MongoDB does', () => {
    const ascending = [
      new MinKey(),
      EMPTY_ARRAY_SORT_KEY,
      null,
      -1,
      'a',
      { a: 1 },
      [1],
      new Binary(Buffer.from([1])),
      new ObjectId(),
      false,
      new Date(0),
      new Timestamp({ t: 1, i: 1 }),
      /a/,
      new MaxKey(),
    ];
    for (let position = 1; position < ascending.length; position++) {
      expect(compareBson(ascending[position - 1], ascending[position])).toBe(-1);
      expect(compareBson(ascending[position], ascending[position - 1])).toBe(1);
    }
  });

  it('compares numbers by exact value across int32, int64, double and Decimal128', () => {
    expect(compareBson(new Int32(3), Long.fromNumber(3))).toBe(0);
    expect(compareBson(Decimal128.fromString('3.000'), new Double(3))).toBe(0);
    expect(compareBson(Long.fromString('9007199254740993'), 9007199254740992)).toBe(1);
    expect(compareBson(Decimal128.fromString('0.1'), 0.1)).toBe(-1);
    expect(compareBson(Decimal128.fromString('10'), Decimal128.fromString('9'))).toBe(1);
    expect(compareBson(NaN, -Infinity)).toBe(-1);
    expect(compareBson(Decimal128.fromString('NaN'), NaN)).toBe(0);
    expect(compareBson(Decimal128.fromString('Infinity'), Long.MAX_VALUE)).toBe(1);
  });

  it('treats null and missing alike', () => {
    expect(compareBson(null, undefined)).toBe(0);
  });

  it('compares strings by code point, not UTF-16 unit', () => {
    expect(compareBson('B', 'a')).toBe(-1);
    expect(compareBson('\u{1F600}', '\uFFFF')).toBe(1);
  });

  it('compares embedded documents field by field, in stored order', () => {
    expect(compareBson({ a: 1, b: 2 }, { a: 1, b: 2 })).toBe(0);
    expect(compareBson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(-1);
    expect(compareBson({ a: 1 }, { a: 1, b: 0 })).toBe(-1);
    expect(compareBson({ a: 'x' }, { a: 2 })).toBe(1);
  });

  it('compares binary data by length, then subtype, then bytes', () => {
    expect(compareBson(new Binary(Buffer.from([9])), new Binary(Buffer.from([0, 0])))).toBe(-1);
    expect(compareBson(new Binary(Buffer.from([1]), 0), new Binary(Buffer.from([0]), 4))).toBe(-1);
  });

  it('compares regular expressions by pattern, then flags', () => {
    expect(compareBson(/a/i, new BSONRegExp('a', 'i'))).toBe(0);
    expect(compareBson(/a/, /b/)).toBe(-1);
  });
});

describe('compareBson on ObjectIds', () => {
  it('orders them as their bytes (their hex strings) whatever the bytes', () => {
    const objectId = fc
      .uint8Array({ minLength: 12, maxLength: 12, min: 0, max: 255 })
      .map((bytes) => new ObjectId(Buffer.from(bytes).toString('hex')));
    fc.assert(
      fc.property(objectId, objectId, (left, right) => {
        const [leftHex, rightHex] = [left.toHexString(), right.toHexString()];
        expect(compareBson(left, right)).toBe(leftHex < rightHex ? -1 : leftHex > rightHex ? 1 : 0);
        expect(compareBson(left, new ObjectId(leftHex))).toBe(0);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('bsonTypeName', () => {
  it('names stored values as $type does', () => {
    expect(bsonTypeName(1)).toBe('int');
    expect(bsonTypeName(2 ** 31)).toBe('double');
    expect(bsonTypeName(1.5)).toBe('double');
    expect(bsonTypeName(new Double(1))).toBe('double');
    expect(bsonTypeName(Long.fromNumber(1))).toBe('long');
    expect(bsonTypeName(Decimal128.fromString('1'))).toBe('decimal');
    expect(bsonTypeName(new Timestamp({ t: 1, i: 1 }))).toBe('timestamp');
  });
});

const numberArbitrary = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.double({ noNaN: false }),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((value) => Long.fromBigInt(value)),
  fc.integer({ min: -5, max: 5 }).map((value) => Long.fromNumber(value)),
  fc
    .tuple(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -4, max: 4 }))
    .map(([coefficient, exponent]) => Decimal128.fromString(`${coefficient}E${exponent}`)),
  fc.integer({ min: -5, max: 5 }).map((value) => new Double(value)),
);
const scalarArbitrary = fc.oneof(
  numberArbitrary,
  fc.string({ maxLength: 3 }),
  fc.boolean(),
  fc.constant(null),
  fc.integer({ min: 0, max: 3 }).map((ms) => new Date(ms)),
);
const valueArbitrary = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    scalarArbitrary,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b'), tie('value'), { maxKeys: 2 }),
  ),
})).value;

describe('compareBson as a total order', () => {
  it('is antisymmetric and transitive', () => {
    fc.assert(
      fc.property(valueArbitrary, valueArbitrary, valueArbitrary, (a, b, c) => {
        expect(sign(compareBson(a, b)) + sign(compareBson(b, a))).toBe(0);
        if (compareBson(a, b) <= 0 && compareBson(b, c) <= 0)
          expect(compareBson(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with canonicalKey: equal exactly when the keys are equal', () => {
    fc.assert(
      fc.property(valueArbitrary, valueArbitrary, (a, b) => {
        expect(compareBson(a, b) === 0).toBe(canonicalKey(a) === canonicalKey(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with canonicalKey on numbers of every type', () => {
    fc.assert(
      fc.property(numberArbitrary, numberArbitrary, (a, b) => {
        expect(compareBson(a, b) === 0).toBe(canonicalKey(a) === canonicalKey(b));
      }),
      { numRuns: 5000 },
    );
  });
});
