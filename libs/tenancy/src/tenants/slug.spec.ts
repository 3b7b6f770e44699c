import fc from 'fast-check';
import { RESERVED_SLUGS, slugProblem } from './slug';

describe('slugProblem', () => {
  it.each(['bank1', 'first-national', 'abc', 'a'.repeat(63)])('accepts %s', (slug) => {
    expect(slugProblem(slug)).toBeNull();
  });

  it.each([
    ['uppercase', 'Bank1'],
    ['a leading hyphen', '-bank'],
    ['a trailing hyphen', 'bank-'],
    ['a dot', 'bank.one'],
    ['an underscore', 'bank_one'],
    ['too long', 'a'.repeat(64)],
    ['too short', 'ab'],
    ['empty', ''],
    ['an ObjectId look-alike', '65a1b2c3d4e5f6a7b8c9d0e1'],
    ['punycode', 'xn--bnk-sna'],
    ['unicode', 'bänk'],
  ])('refuses %s', (_label, slug) => {
    expect(slugProblem(slug)).not.toBeNull();
  });

  it.each(['www', 'api', 'app', 'admin', 'static', 'status', 'mail'])(
    'refuses the reserved word %s',
    (slug) => {
      expect(slugProblem(slug)).toBe('is reserved');
    },
  );

  it('accepts only valid lowercase DNS labels', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), (slug) => {
        if (slugProblem(slug) === null) {
          expect(slug).toMatch(/^[a-z0-9-]{3,63}$/);
          expect(RESERVED_SLUGS.has(slug)).toBe(false);
        }
      }),
    );
  });
});
