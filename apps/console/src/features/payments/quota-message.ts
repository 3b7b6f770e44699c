import { formatDate } from '../../format/format-date';
import { formatNumber } from '../../format/format-number';

/** The sentence staff see once the month's transactions are used up, with the reset day in their locale. */
export function quotaReachedMessage(limit: number, resetsAt: string): string {
  return (
    `Your plan's ${formatNumber(limit)} payments for this month are used up. ` +
    `New payments can be created again from ${formatDate(resetsAt)}.`
  );
}
