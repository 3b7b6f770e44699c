import type { PaymentAnalytics } from './payment-analytics';

export interface DailySeries {
  /** Every day of the range as `YYYY-MM-DD`, empty days included, so the charts' x axes agree. */
  readonly days: readonly string[];
  /** Payment counts per status, one value per day. */
  readonly countsByStatus: ReadonlyMap<string, readonly number[]>;
  /** The currency with the largest volume, and its volume per day in minor units (currencies never add up). */
  readonly volume: { readonly currency: string; readonly perDay: readonly number[] } | null;
}

/** The analytics rows as per-day series for the dashboard's charts. */
export function dailySeries(analytics: PaymentAnalytics): DailySeries {
  const days: string[] = [];
  for (let day = new Date(`${analytics.from}T00:00:00Z`); day <= new Date(`${analytics.to}T00:00:00Z`);) {
    days.push(day.toISOString().slice(0, 10));
    day = new Date(day.getTime() + 86_400_000);
  }
  const index = new Map(days.map((day, position) => [day, position]));
  const countsByStatus = new Map<string, number[]>();
  for (const row of analytics.rows) {
    const counts = countsByStatus.get(row.status) ?? days.map(() => 0);
    const position = index.get(row.day);
    if (position !== undefined) counts[position] = (counts[position] ?? 0) + row.count;
    countsByStatus.set(row.status, counts);
  }
  const totals = new Map<string, number>();
  for (const row of analytics.byDay) totals.set(row.currency, (totals.get(row.currency) ?? 0) + row.volume);
  const [currency] = [...totals.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  const volume =
    currency === undefined
      ? null
      : {
          currency,
          perDay: days.map((day) =>
            analytics.byDay
              .filter((row) => row.day === day && row.currency === currency)
              .reduce((sum, row) => sum + row.volume, 0),
          ),
        };
  return { days, countsByStatus, volume };
}
