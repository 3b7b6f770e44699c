/** The billing periods (`YYYY-MM`, UTC like the API's) from this month back, newest first. */
export function recentPeriods(count: number, now = new Date()): string[] {
  return Array.from({ length: count }, (_, back) => {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    return `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}
