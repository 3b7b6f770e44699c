import type { UsageCounters } from './usage-counters';

/** Metrics that are incremented (the gauge `storage_bytes` is measured instead). */
export type UsageIncrements = Partial<Record<Exclude<keyof UsageCounters, 'storage_bytes'>, number>>;

interface UsageEventFields {
  readonly tenantId: string;
  /** `YYYY-MM`, decided when the event happened (not when a replay writes it). */
  readonly period: string;
  readonly increments: UsageIncrements;
  /** A storage measurement: the period's `storage_bytes` rises to it if it is larger. */
  readonly storageBytes?: number;
}

/**
 * One countable happening, counted at most once however often it is written or replayed. Two identities:
 * - sequenced (the common case: requests, response bytes): this process's producer sequence (UsageProducer),
 *   deduplicated by the producer's marks at no Redis key per event;
 * - keyed: a business id any process may record again (a payment's transaction, whose job may be retried on
 *   another worker), remembered as a marker key for `eventTtlSeconds`.
 */
export type UsageEvent = UsageEventFields &
  (
    | { readonly sequence: number; readonly eventId?: never; readonly eventTtlSeconds?: never }
    | { readonly eventId: string; readonly eventTtlSeconds: number; readonly sequence?: never }
  );
