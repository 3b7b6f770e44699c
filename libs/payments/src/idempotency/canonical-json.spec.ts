import fc from 'fast-check';
import { canonicalJson, requestFingerprint } from './canonical-json';

describe('canonicalJson', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });

  it('drops undefined members, so an absent optional field equals an omitted one', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('parses back to the same value for any JSON document', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('fingerprints differ across operations and bodies', () => {
    expect(requestFingerprint('create', { a: 1 })).not.toBe(requestFingerprint('refund', { a: 1 }));
    expect(requestFingerprint('create', { a: 1 })).not.toBe(requestFingerprint('create', { a: 2 }));
  });
});
