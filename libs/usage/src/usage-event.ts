import type { UsageCounters } from './usage-counters';

/** Metrics that are incremented (the gauge `storage_bytes` is measured instead). */
export type UsageIncrements = Partial<Record<Exclude<keyof UsageCounters, 'storage_bytes'>, number>>;

/** One countable happening. Its id makes it count at most once, however often it is written or replayed. */
export interface UsageEvent {
  readonly tenantId: string;
  /** `YYYY-MM`, decided when the event happened (not when a replay writes it). */
  readonly period: string;
  readonly eventId: string;
  readonly increments: UsageIncrements;
  /** A storage measurement: the period's `storage_bytes` rises to it if it is larger. */
  readonly storageBytes?: number;
  /** How long the event id is remembered in Redis. */
  readonly eventTtlSeconds: number;
}
