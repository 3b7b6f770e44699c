import { Tier, UNLIMITED, effectiveLimits } from '@tenantpay/tenancy';

import { RateLimitAlgorithm } from './rate-limit-algorithm.enum';
import { defineRateLimitPolicy, tenantApiRateLimitPolicy } from './rate-limit-policy';

describe('tenantApiRateLimitPolicy', () => {
  it('names the policy after the tier and takes the effective per-minute limit', () => {
    const limit = effectiveLimits({
      tier: Tier.Professional,
      limits: { apiRequestsPerMinute: 450 },
    }).apiRequestsPerMinute;
    expect(tenantApiRateLimitPolicy(Tier.Professional, limit)).toEqual({
      name: 'professional',
      limit: 450,
      windowSeconds: 60,
      algorithm: RateLimitAlgorithm.SlidingWindowCounter,
    });
  });

  it('keeps unlimited explicit', () => {
    expect(tenantApiRateLimitPolicy(Tier.Enterprise, UNLIMITED).limit).toBe(UNLIMITED);
  });
});

describe('defineRateLimitPolicy', () => {
  const valid = {
    name: 'login',
    limit: 5,
    windowSeconds: 900,
    algorithm: RateLimitAlgorithm.SlidingWindowLog,
  };

  it.each([
    ['a name that would break the structured header', { name: 'a"b' }],
    ['an upper-case name', { name: 'Starter' }],
    ['a fractional window', { windowSeconds: 1.5 }],
    ['a zero window', { windowSeconds: 0 }],
    ['a negative limit', { limit: -1 }],
    ['a fractional limit', { limit: 2.5 }],
  ])('refuses %s', (_, change) => {
    expect(() => defineRateLimitPolicy({ ...valid, ...change })).toThrow();
  });

  it('freezes what it accepts', () => {
    expect(Object.isFrozen(defineRateLimitPolicy(valid))).toBe(true);
  });
});
