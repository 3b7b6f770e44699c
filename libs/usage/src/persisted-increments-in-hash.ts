import type { ProducersMarks } from './producer-marks';
import { PRODUCER_FLOOR_FIELD_PREFIX } from './usage.constant';

/** The producers a usage hash holds a floor for, from its field names. */
export function producerIdsIn(fields: readonly string[]): string[] {
  return fields
    .filter((field) => field.startsWith(PRODUCER_FLOOR_FIELD_PREFIX))
    .map((field) => field.slice(PRODUCER_FLOOR_FIELD_PREFIX.length));
}

/**
 * Whether a usage hash without its baseline may hold increments MongoDB already counts: it holds a floor of a
 * producer MongoDB has marks for. Such a hash may be an older copy restored after a sync copied its counts,
 * and nothing in it tells that apart from a rebuild after a loss (see SEED_USAGE_BASELINE_SCRIPT, which seeds
 * by the same rule), so its counts are combined with MongoDB's by the larger, never added.
 */
export function mayHoldPersistedIncrements(
  hashProducerIds: readonly string[],
  persisted: ProducersMarks,
): boolean {
  return hashProducerIds.some((producerId) => persisted[producerId] !== undefined);
}
