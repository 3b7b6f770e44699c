import fc from 'fast-check';
import { isNestedDeeperThan } from './is-nested-deeper-than';

/** The definition, recursively: fine for the small values fast-check builds. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

describe('isNestedDeeperThan', () => {
  it('counts objects and arrays as one level each, scalars as none', () => {
    expect(isNestedDeeperThan('text', 0)).toBe(false);
    expect(isNestedDeeperThan({}, 0)).toBe(true);
    expect(isNestedDeeperThan({ a: [1, { b: 2 }] }, 3)).toBe(false);
    expect(isNestedDeeperThan({ a: [1, { b: 2 }] }, 2)).toBe(true);
  });

  it('answers a body nested far past the stack limit without overflowing', () => {
    const depth = 500_000;
    const nested = JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;
    expect(isNestedDeeperThan(nested, 32)).toBe(true);
  });

  it('agrees with the recursive definition on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 6 }), (value, maxDepth) => {
        expect(isNestedDeeperThan(value, maxDepth)).toBe(depthOf(value) > maxDepth);
      }),
    );
  });
});
