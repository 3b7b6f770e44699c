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
 * One countable happening, counted at most once however often it is written or replayed. Every write carries a
 * producer sequence (UsageProducer), deduplicated by the producer's marks at no Redis key per event; the marks
 * are persisted with the counters, so a replay after Redis lost its data is still recognised. Two kinds:
 * - sequenced (requests, response bytes): the caller issues the sequence;
 * - keyed: a business id that must count once whoever records it (a payment's transaction), remembered as a
 *   marker key for `eventTtlSeconds`; the tracker issues its sequence when it first sees it, and replays it
 *   under that sequence.
 */
export type UsageEvent = UsageEventFields &
  (
    | { readonly sequence: number; readonly eventId?: never; readonly eventTtlSeconds?: never }
    | { readonly eventId: string; readonly eventTtlSeconds: number; readonly sequence?: number }
  );

/** An event as the tracker writes and buffers it: keyed events too carry the sequence they were given. */
export type SequencedUsageEvent = UsageEvent & { readonly sequence: number };
