import { Decimal128, Int32, Long, ObjectId, Double, UUID } from 'bson';
import { canonicalKey } from './canonical-key';

describe('canonicalKey', () => {
  it('treats int32, double, int64 and Decimal128 of the same value as equal', () => {
    const one = canonicalKey(1);
    expect(canonicalKey(1.0)).toBe(one);
    expect(canonicalKey(Long.fromNumber(1))).toBe(one);
    expect(canonicalKey(new Int32(1))).toBe(one);
    expect(canonicalKey(new Double(1))).toBe(one);
    expect(canonicalKey(Decimal128.fromString('1.00'))).toBe(one);
    expect(canonicalKey(Decimal128.fromString('0.1E+1'))).toBe(one);
  });

  it('keeps different numbers apart, including large and small magnitudes', () => {
    expect(canonicalKey(1)).not.toBe(canonicalKey(10));
    expect(canonicalKey(0.5)).not.toBe(canonicalKey(5));
    expect(canonicalKey(1e21)).toBe(canonicalKey(Decimal128.fromString('1E+21')));
    expect(canonicalKey(-2)).not.toBe(canonicalKey(2));
    expect(canonicalKey(Long.fromString('9007199254740993'))).not.toBe(
      canonicalKey(Long.fromString('9007199254740992')),
    );
  });

  it('treats zero and negative zero as equal', () => {
    expect(canonicalKey(-0)).toBe(canonicalKey(0));
    expect(canonicalKey(Decimal128.fromString('-0.00'))).toBe(canonicalKey(0));
  });

  it('keeps numbers and strings apart', () => {
    expect(canonicalKey(1)).not.toBe(canonicalKey('1'));
    expect(canonicalKey('true')).not.toBe(canonicalKey(true));
  });

  it('treats null and missing as the same key', () => {
    expect(canonicalKey(null)).toBe(canonicalKey(undefined));
  });

  it('compares ObjectIds by value, not identity', () => {
    const id = new ObjectId();
    expect(canonicalKey(new ObjectId(id.toHexString()))).toBe(canonicalKey(id));
    expect(canonicalKey(new ObjectId())).not.toBe(canonicalKey(id));
    expect(canonicalKey(id.toHexString())).not.toBe(canonicalKey(id));
  });

  it('compares dates by instant and UUIDs by bytes', () => {
    expect(canonicalKey(new Date(5))).toBe(canonicalKey(new Date(5)));
    expect(canonicalKey(new Date(5))).not.toBe(canonicalKey(5));
    const uuid = new UUID();
    expect(canonicalKey(new UUID(uuid.toHexString()))).toBe(canonicalKey(uuid));
  });

  it('compares embedded documents by field order and value', () => {
    expect(canonicalKey({ a: 1, b: 2 })).toBe(canonicalKey({ a: 1.0, b: Long.fromNumber(2) }));
    expect(canonicalKey({ a: 1, b: 2 })).not.toBe(canonicalKey({ b: 2, a: 1 }));
    expect(canonicalKey([1, 'x'])).not.toBe(canonicalKey(['x', 1]));
  });

  it('cannot be fooled by strings that look like encoded keys', () => {
    expect(canonicalKey({ a: 's"x"' })).not.toBe(canonicalKey({ a: 'x' }));
    expect(canonicalKey('a","b')).not.toBe(canonicalKey(['a', 'b']));
  });
});
