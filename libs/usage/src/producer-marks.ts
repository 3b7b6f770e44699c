/**
 * One producer's dedup state for a tenant-month (see CLAIM_PRODUCER_SEQUENCE_LUA): every sequence below
 * `floor` is settled, and `applied` are the sequences at or above it that were applied out of order. The sync
 * persists it with the counters it accounts for, so a replay of an increment MongoDB already counts is
 * recognised after Redis lost its marks.
 */
export interface ProducerMarks {
  readonly floor: number;
  readonly applied: readonly number[];
}

/** Producer id → marks. */
export type ProducersMarks = Readonly<Record<string, ProducerMarks>>;
