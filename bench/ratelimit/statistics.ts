/** The value at quantile `q` (0..1) of an ascending array (nearest rank). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/** The most events inside any half-open span of `spanMs` (events as ascending timestamps). */
export function maxInAnySpan(sortedTimesMs: readonly number[], spanMs: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < sortedTimesMs.length; end += 1) {
    while ((sortedTimesMs[end] ?? 0) - (sortedTimesMs[start] ?? 0) >= spanMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
