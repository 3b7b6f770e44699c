/**
 * A numeric allowance or the explicit word "unlimited". Unlimited is never a large number: a large
 * number can be reached, compared, summed and rendered as a percentage by mistake; a distinct value
 * forces every consumer to handle it.
 */
export const UNLIMITED = 'unlimited';
export type Limit = number | typeof UNLIMITED;

export interface TenantLimits {
  readonly maxUsers: Limit;
  readonly transactionsPerMonth: Limit;
  readonly apiRequestsPerMinute: Limit;
}

export type TenantLimitName = keyof TenantLimits;
export const TENANT_LIMIT_NAMES: readonly TenantLimitName[] = [
  'maxUsers',
  'transactionsPerMonth',
  'apiRequestsPerMinute',
];

/** Whether `used + adding` stays within the limit. */
export function fitsWithin(limit: Limit, used: number, adding = 1): boolean {
  return limit === UNLIMITED || used + adding <= limit;
}

/** Percentage of the limit used, or null when unlimited (a percentage of infinity means nothing). */
export function percentUsed(limit: Limit, used: number): number | null {
  if (limit === UNLIMITED) return null;
  if (limit === 0) return used > 0 ? 100 : 0;
  return Math.round((used / limit) * 10_000) / 100;
}
