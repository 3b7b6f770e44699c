import { ValidationException } from '@tenantpay/platform';
import fc from 'fast-check';
import { analyticsDateRange, parseAnalyticsDay } from './analytics-date-range';

const DAY_MS = 24 * 3600 * 1000;
const day = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('parseAnalyticsDay', () => {
  it('reads every calendar day back as the same day at UTC midnight', () => {
    fc.assert(
      fc.property(day, (value) => {
        expect(parseAnalyticsDay(value, 'from').toISOString()).toBe(`${value}T00:00:00.000Z`);
      }),
    );
  });

  it.each([
    '2025-02-29',
    '2024-02-30',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-3-1',
    '2025-03-01T00:00:00Z',
  ])('refuses %s, naming the field', (value) => {
    expect(() => parseAnalyticsDay(value, 'to')).toThrow(ValidationException);
    try {
      parseAnalyticsDay(value, 'to');
    } catch (error) {
      expect((error as ValidationException).details).toEqual([expect.objectContaining({ field: 'to' })]);
    }
  });
});

describe('analyticsDateRange', () => {
  it('covers whole days, both ends included, up to 366 days and no more', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -400, max: 400 }), (fromValue, offset) => {
        const from = parseAnalyticsDay(fromValue, 'from');
        const to = new Date(from.getTime() + offset * DAY_MS);
        const days = offset + 1;
        if (days < 1 || days > 366) {
          expect(() => analyticsDateRange(from, to)).toThrow(ValidationException);
          return;
        }
        const range = analyticsDateRange(from, to);
        expect(range.start).toEqual(from);
        expect(range.end.getTime() - range.start.getTime()).toBe(days * DAY_MS);
        expect([range.from, range.to]).toEqual([fromValue, to.toISOString().slice(0, 10)]);
      }),
    );
  });
});
