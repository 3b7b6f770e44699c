/** One row of `GET /v1/admin/analytics/payments`: a group (tenant, tier, status or day) in one currency. */
export interface VolumeRow {
  readonly currency: string;
  readonly count: number;
  readonly volume: number;
}

export interface VolumeBreakdown {
  /** The groups' labels, largest volume first (days stay in calendar order). */
  readonly labels: readonly string[];
  /** Volume in minor units of the chosen currency, one per label. */
  readonly volumes: readonly number[];
  readonly counts: readonly number[];
}

/**
 * One currency's rows as chart series: currencies never add up, so the chart shows one at a time. Rows of a
 * group that appears twice (the API answers one per group and currency) are summed.
 */
export function volumeBreakdown<Row extends VolumeRow>(
  rows: readonly Row[],
  currency: string,
  labelOf: (row: Row) => string,
  order: 'by-volume' | 'by-label' = 'by-volume',
): VolumeBreakdown {
  const groups = new Map<string, { volume: number; count: number }>();
  for (const row of rows) {
    if (row.currency !== currency) continue;
    const label = labelOf(row);
    const group = groups.get(label) ?? { volume: 0, count: 0 };
    group.volume += row.volume;
    group.count += row.count;
    groups.set(label, group);
  }
  const entries = [...groups.entries()].sort(
    order === 'by-label'
      ? (a, b) => a[0].localeCompare(b[0])
      : (a, b) => b[1].volume - a[1].volume || a[0].localeCompare(b[0]),
  );
  return {
    labels: entries.map(([label]) => label),
    volumes: entries.map(([, group]) => group.volume),
    counts: entries.map(([, group]) => group.count),
  };
}

/** The currencies present, the one with the most payments first: what the chart shows by default. */
export function currenciesByCount(totals: readonly VolumeRow[]): string[] {
  return [...totals]
    .sort((a, b) => b.count - a.count || a.currency.localeCompare(b.currency))
    .map((row) => row.currency);
}
