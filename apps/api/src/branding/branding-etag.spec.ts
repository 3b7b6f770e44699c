import fc from 'fast-check';
import { brandingEtag, ifNoneMatchHits } from './branding-etag';

describe('brandingEtag', () => {
  it('is a strong, quoted tag that is equal exactly for equal bodies', () => {
    fc.assert(
      fc.property(fc.json(), fc.json(), (a, b) => {
        expect(brandingEtag(a)).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
        expect(brandingEtag(a) === brandingEtag(b)).toBe(a === b);
      }),
    );
  });
});

describe('ifNoneMatchHits', () => {
  const etag = brandingEtag('{"displayName":"First Bank"}');

  it('matches the tag alone, in a list, in weak form, and *', () => {
    expect(ifNoneMatchHits(etag, etag)).toBe(true);
    expect(ifNoneMatchHits(`"a", ${etag} ,"b"`, etag)).toBe(true);
    expect(ifNoneMatchHits(`W/${etag}`, etag)).toBe(true);
    expect(ifNoneMatchHits('*', etag)).toBe(true);
  });

  it('does not match an absent header, other tags, or the tag unquoted', () => {
    expect(ifNoneMatchHits(undefined, etag)).toBe(false);
    expect(ifNoneMatchHits('', etag)).toBe(false);
    expect(ifNoneMatchHits('"other"', etag)).toBe(false);
    expect(ifNoneMatchHits(etag.slice(1, -1), etag)).toBe(false);
  });
});
