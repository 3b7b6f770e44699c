/**
 * The four metered quantities of a tenant in a period. Field names are the Redis hash fields and the
 * MongoDB `usage_records` fields alike, so nothing translates between them.
 */
export interface UsageCounters {
  readonly api_calls: number;
  readonly transactions: number;
  /** The highest stored size measured in the period: set to the maximum, never summed. */
  readonly storage_bytes: number;
  readonly bandwidth_bytes: number;
}

export type UsageMetric = keyof UsageCounters;

export const USAGE_METRICS: readonly UsageMetric[] = [
  'api_calls',
  'transactions',
  'storage_bytes',
  'bandwidth_bytes',
];

/** Metrics that only ever grow by increments; `storage_bytes` is a gauge and combines by maximum instead. */
export const COUNTER_METRICS: readonly UsageMetric[] = ['api_calls', 'transactions', 'bandwidth_bytes'];

export const ZERO_USAGE: UsageCounters = Object.freeze({
  api_calls: 0,
  transactions: 0,
  storage_bytes: 0,
  bandwidth_bytes: 0,
});

/** Field-wise maximum: what two copies of the same absolute counters agree on at least. */
export function maxUsage(a: UsageCounters, b: UsageCounters): UsageCounters {
  return {
    api_calls: Math.max(a.api_calls, b.api_calls),
    transactions: Math.max(a.transactions, b.transactions),
    storage_bytes: Math.max(a.storage_bytes, b.storage_bytes),
    bandwidth_bytes: Math.max(a.bandwidth_bytes, b.bandwidth_bytes),
  };
}

/** Absolute `base` plus counts made since (`delta`); the gauge takes the larger value. */
export function addUsage(base: UsageCounters, delta: Partial<UsageCounters>): UsageCounters {
  return {
    api_calls: base.api_calls + (delta.api_calls ?? 0),
    transactions: base.transactions + (delta.transactions ?? 0),
    storage_bytes: Math.max(base.storage_bytes, delta.storage_bytes ?? 0),
    bandwidth_bytes: base.bandwidth_bytes + (delta.bandwidth_bytes ?? 0),
  };
}

/** Counters from a Redis `HGETALL` reply (missing or malformed fields count as 0). */
export function usageFromHash(hash: Readonly<Record<string, string>>): UsageCounters {
  const read = (metric: UsageMetric): number => {
    const value = Number(hash[metric] ?? 0);
    return Number.isSafeInteger(value) && value > 0 ? value : 0;
  };
  return {
    api_calls: read('api_calls'),
    transactions: read('transactions'),
    storage_bytes: read('storage_bytes'),
    bandwidth_bytes: read('bandwidth_bytes'),
  };
}
