import fc from 'fast-check';

import { InvalidUsagePeriodException } from './invalid-usage-period.exception';
import { UsagePeriod } from './usage-period';

describe('UsagePeriod', () => {
  it('is the UTC month of an instant, at both edges of a month', () => {
    expect(UsagePeriod.containing(new Date('2024-12-31T23:59:59.999Z')).toString()).toBe('2024-12');
    expect(UsagePeriod.containing(new Date('2025-01-01T00:00:00.000Z')).toString()).toBe('2025-01');
    expect(UsagePeriod.containing(new Date('2025-03-01T00:30:00+01:00')).toString()).toBe('2025-02');
  });

  it('has bounds that contain exactly its instants', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (instant) => {
          const period = UsagePeriod.containing(instant);
          expect(period.start.getTime()).toBeLessThanOrEqual(instant.getTime());
          expect(instant.getTime()).toBeLessThan(period.end.getTime());
          expect(period.next().start).toEqual(period.end);
          expect(period.next().previous().equals(period)).toBe(true);
          expect(UsagePeriod.parse(period.toString()).equals(period)).toBe(true);
        },
      ),
    );
  });

  it.each(['2025-1', '2025-13', '2025-00', '25-01', '2025-01-01', ' 2025-01', '1999-12', '2025/01', ''])(
    'refuses %p',
    (value) => {
      expect(() => UsagePeriod.parse(value)).toThrow(InvalidUsagePeriodException);
    },
  );

  it('orders periods', () => {
    expect(UsagePeriod.parse('2025-01').isAfter(UsagePeriod.parse('2024-12'))).toBe(true);
    expect(UsagePeriod.parse('2024-12').isAfter(UsagePeriod.parse('2025-01'))).toBe(false);
  });
});
