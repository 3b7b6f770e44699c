import { findUnsafeKeys } from './find-unsafe-keys';

describe('findUnsafeKeys', () => {
  it('finds nothing in plain data', () => {
    expect(findUnsafeKeys({ amount: 100, metadata: { orderId: 'x' }, tags: ['a', { b: 1 }] })).toEqual([]);
  });

  it('finds a top-level operator', () => {
    expect(findUnsafeKeys({ $where: 'sleep(1000)' })).toEqual(['$where']);
  });

  it('finds operators nested in objects and arrays', () => {
    expect(findUnsafeKeys({ metadata: { ref: { $gt: '' } }, items: [{ ok: 1 }, { $ne: null }] })).toEqual([
      'metadata.ref.$gt',
      'items[1].$ne',
    ]);
  });

  it('finds dotted keys', () => {
    expect(findUnsafeKeys({ 'tenantId.x': 1 })).toEqual(['tenantId.x']);
  });

  it('finds prototype keys as JSON.parse creates them', () => {
    expect(findUnsafeKeys(JSON.parse('{"__proto__": {"admin": true}, "a": {"constructor": {}}}'))).toEqual([
      '__proto__',
      'a.constructor',
    ]);
  });

  it('accepts scalars and null', () => {
    expect(findUnsafeKeys(null)).toEqual([]);
    expect(findUnsafeKeys('$gt')).toEqual([]);
  });
});
