import { ValidationException } from '@tenantpay/platform';

const MAX_RANGE_DAYS = 366;
const DAY_MS = 24 * 3600 * 1000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A report's range of whole UTC days, both ends included, as the half-open interval `[start, end)` the
 * queries match `createdAt` against. Tenant and platform reports share it so they agree on every boundary.
 */
export interface AnalyticsDateRange {
  /** `YYYY-MM-DD` of the first and last day. */
  readonly from: string;
  readonly to: string;
  readonly start: Date;
  /** Midnight after the last day (exclusive). */
  readonly end: Date;
}

/** A `YYYY-MM-DD` calendar day at UTC midnight; 400 for anything else, 2024-02-30 included. */
export function parseAnalyticsDay(value: string, field: string): Date {
  const day = new Date(`${value}T00:00:00.000Z`);
  // Date rolls 2024-02-30 over to March 1st; reading the day back catches it.
  if (!DAY_PATTERN.test(value) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new ValidationException([{ field, issue: 'is not a calendar date such as 2024-01-31' }]);
  }
  return day;
}

/** `[from, to]` in whole days; 400 unless `to` is on or after `from` and at most a year later. */
export function analyticsDateRange(from: Date, to: Date): AnalyticsDateRange {
  const end = new Date(to.getTime() + DAY_MS);
  if (end.getTime() <= from.getTime() || end.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new ValidationException([
      { field: 'to', issue: `must be on or after from, at most ${MAX_RANGE_DAYS} days later` },
    ]);
  }
  return {
    from: from.toISOString().slice(0, 10),
    to: to.toISOString().slice(0, 10),
    start: from,
    end,
  };
}
