import { formatNumber } from './format-number';

/** A tier limit: "Unlimited" is explicit in the API (never a magic number); the display locale writes the rest. */
export function formatLimit(limit: number | 'unlimited'): string {
  return limit === 'unlimited' ? 'Unlimited' : formatNumber(limit);
}
