import fc from 'fast-check';
import { limitOverrideText, parseLimitOverride } from './limit-override';

describe('parseLimitOverride', () => {
  it.each([
    ['', null],
    ['   ', null],
    ['unlimited', 'unlimited'],
    [' Unlimited ', 'unlimited'],
    ['0', 0],
    ['250', 250],
    ['50,000', 50_000],
    ['1 000 000', 1_000_000],
    ['1.000.000', 1_000_000],
  ])('reads %j as %j', (text, value) => {
    expect(parseLimitOverride(text)).toEqual({ ok: true, value });
  });

  it.each(['-5', '12.5e3', 'ten', '1e6', '+3', 'unlimited!', '99999999999999999999'])(
    'refuses %j',
    (text) => {
      const parsed = parseLimitOverride(text);
      expect(parsed.ok).toBe(false);
    },
  );

  it('reads back every override it writes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constant(null),
          fc.constant('unlimited' as const),
          fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        ),
        (value) => {
          expect(parseLimitOverride(limitOverrideText(value))).toEqual({ ok: true, value });
        },
      ),
    );
  });
});
