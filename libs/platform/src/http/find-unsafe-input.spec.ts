import { findUnsafeInput } from './find-unsafe-input';

const findUnsafeKeys = (value: unknown) => findUnsafeInput(value).map((detail) => detail.field);

describe('findUnsafeInput', () => {
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

  it('finds NUL characters and unpaired surrogates in strings and keys, as JSON.parse creates them', () => {
    const parsed = JSON.parse(
      '{"email":"a\\u0000b@example.com","names":["ok","x\\ud800"],"m":{"\\udc00":"1"},"pair":"\\ud83d\\ude00"}',
    ) as unknown;
    expect(findUnsafeInput(parsed)).toEqual([
      { field: 'email', issue: 'text may not contain NUL characters or unpaired UTF-16 surrogates' },
      { field: 'names[1]', issue: 'text may not contain NUL characters or unpaired UTF-16 surrogates' },
      { field: 'm.\udc00', issue: 'text may not contain NUL characters or unpaired UTF-16 surrogates' },
    ]);
  });

  it('accepts text outside the Basic Multilingual Plane and control characters other than NUL', () => {
    expect(findUnsafeInput({ name: '😀 Bank\tAG', note: 'a\nb', accents: 'Zürich' })).toEqual([]);
  });
});
