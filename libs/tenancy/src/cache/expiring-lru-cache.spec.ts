import fc from 'fast-check';
import { ExpiringLruCache } from './expiring-lru-cache';

describe('ExpiringLruCache', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000;
  });

  it('returns what was stored until it expires', () => {
    const cache = new ExpiringLruCache<string>(10, clock);
    cache.set('a', 'A', 100);
    expect(cache.get('a')).toBe('A');
    now += 99;
    expect(cache.get('a')).toBe('A');
    now += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used entry when full', () => {
    const cache = new ExpiringLruCache<number>(2, clock);
    cache.set('a', 1, 1_000);
    cache.set('b', 2, 1_000);
    cache.get('a');
    cache.set('c', 3, 1_000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('deletes and clears', () => {
    const cache = new ExpiringLruCache<number>(5, clock);
    cache.set('a', 1, 1_000);
    cache.set('b', 2, 1_000);
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
    cache.clear();
    expect(cache.get('b')).toBeUndefined();
  });

  it('never holds more than its bound and always holds the latest write', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'), fc.nat()), {
          maxLength: 60,
        }),
        (bound, writes) => {
          const cache = new ExpiringLruCache<number>(bound, clock);
          for (const [key, value] of writes) {
            cache.set(key, value, 1_000);
            expect(cache.size).toBeLessThanOrEqual(bound);
            expect(cache.get(key)).toBe(value);
          }
        },
      ),
    );
  });
});
