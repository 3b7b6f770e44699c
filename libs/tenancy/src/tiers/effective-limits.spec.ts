import fc from 'fast-check';
import { effectiveLimits } from './effective-limits';
import { fitsWithin, percentUsed, TENANT_LIMIT_NAMES, UNLIMITED } from './limit';
import { TIER_PLANS } from './tier-plans.constant';
import { Tier } from './tier.enum';

describe('effectiveLimits', () => {
  it.each(Object.values(Tier))('gives %s its tier defaults without overrides', (tier) => {
    expect(effectiveLimits({ tier })).toEqual(TIER_PLANS[tier].limits);
  });

  it('matches the published tier table', () => {
    expect(effectiveLimits({ tier: Tier.Starter })).toEqual({
      maxUsers: 10,
      transactionsPerMonth: 1000,
      apiRequestsPerMinute: 60,
    });
    expect(effectiveLimits({ tier: Tier.Professional })).toEqual({
      maxUsers: 100,
      transactionsPerMonth: 50000,
      apiRequestsPerMinute: 300,
    });
    expect(effectiveLimits({ tier: Tier.Enterprise })).toEqual({
      maxUsers: UNLIMITED,
      transactionsPerMonth: UNLIMITED,
      apiRequestsPerMinute: 1000,
    });
  });

  it('applies each override and keeps the other defaults', () => {
    expect(effectiveLimits({ tier: Tier.Starter, limits: { transactionsPerMonth: 5000 } })).toEqual({
      maxUsers: 10,
      transactionsPerMonth: 5000,
      apiRequestsPerMinute: 60,
    });
  });

  it('lets an override make a limit unlimited, or limit an unlimited one', () => {
    expect(effectiveLimits({ tier: Tier.Starter, limits: { maxUsers: UNLIMITED } }).maxUsers).toBe(UNLIMITED);
    expect(effectiveLimits({ tier: Tier.Enterprise, limits: { maxUsers: 500 } }).maxUsers).toBe(500);
  });

  it('always takes the override when there is one, else the default', () => {
    const limit = fc.oneof(fc.nat(), fc.constant(UNLIMITED));
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(Tier)),
        fc.record(
          { maxUsers: limit, transactionsPerMonth: limit, apiRequestsPerMinute: limit },
          { requiredKeys: [] },
        ),
        (tier, overrides) => {
          const limits = effectiveLimits({ tier, limits: overrides });
          for (const name of TENANT_LIMIT_NAMES) {
            expect(limits[name]).toBe(overrides[name] ?? TIER_PLANS[tier].limits[name]);
          }
        },
      ),
    );
  });
});

describe('limits', () => {
  it('unlimited always fits and has no percentage', () => {
    expect(fitsWithin(UNLIMITED, Number.MAX_SAFE_INTEGER, 1000)).toBe(true);
    expect(percentUsed(UNLIMITED, 10)).toBeNull();
  });

  it('a numeric limit is inclusive', () => {
    expect(fitsWithin(10, 9)).toBe(true);
    expect(fitsWithin(10, 10)).toBe(false);
    expect(fitsWithin(10, 5, 5)).toBe(true);
    expect(fitsWithin(10, 5, 6)).toBe(false);
  });

  it('computes the percentage used', () => {
    expect(percentUsed(1000, 800)).toBe(80);
    expect(percentUsed(3, 1)).toBe(33.33);
    expect(percentUsed(0, 0)).toBe(0);
  });
});
