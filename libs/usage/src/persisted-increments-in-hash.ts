import type { ProducersMarks } from './producer-marks';
import { PRODUCER_FLOOR_FIELD_PREFIX, producerFirstSequenceField } from './usage.constant';

/** What a usage hash says of its producers: who holds a floor in it, and the first sequence each claimed there. */
export interface HashProducers {
  readonly producerIds: readonly string[];
  readonly firstSequences: Readonly<Record<string, number>>;
}

const FIRST_SEQUENCE_FIELD = producerFirstSequenceField('');

/** The producers a usage hash holds a floor for, from its field names. */
export function producerIdsIn(fields: readonly string[]): string[] {
  return fields
    .filter((field) => field.startsWith(PRODUCER_FLOOR_FIELD_PREFIX))
    .map((field) => field.slice(PRODUCER_FLOOR_FIELD_PREFIX.length));
}

/** The first sequence each producer claimed in a usage hash, by producer id. */
export function firstSequencesIn(hash: Readonly<Record<string, string>>): Record<string, number> {
  const firsts: Record<string, number> = {};
  for (const field in hash) {
    if (!field.startsWith(FIRST_SEQUENCE_FIELD)) continue;
    const sequence = Number(hash[field]);
    if (Number.isSafeInteger(sequence)) firsts[field.slice(FIRST_SEQUENCE_FIELD.length)] = sequence;
  }
  return firsts;
}

/**
 * Whether a usage hash without its baseline may hold increments MongoDB already counts, by the rule
 * SEED_USAGE_BASELINE_SCRIPT seeds it with: some producer MongoDB has marks for claimed its first sequence in
 * the hash among those marks (an older copy restored after a sync copied it), or holds a floor there without a
 * first sequence (written before first sequences were kept). Its counts are then combined with MongoDB's by
 * the larger; otherwise (a hash rebuilt after a loss) they are added.
 */
export function mayHoldPersistedIncrements(hash: HashProducers, persisted: ProducersMarks): boolean {
  const covered = (producerId: string): boolean => {
    const marks = persisted[producerId];
    if (marks === undefined) return false;
    const first = hash.firstSequences[producerId];
    return first === undefined || first < marks.floor || marks.applied.includes(first);
  };
  return hash.producerIds.some(covered) || Object.keys(hash.firstSequences).some(covered);
}
