import type { Document } from 'bson';
import type { Collection } from '../storage/collection';
import { KeyExtreme, type IndexKey } from '../storage/index-key';
import type { KeyInterval, OrderedIndex } from '../storage/ordered-index';
import {
  boundsOfField,
  excludesNull,
  fieldConditionsOf,
  isPoint,
  type FieldBounds,
  type ValueInterval,
} from './index-bounds';
import { impliesPartialFilter } from './partial-filter-implication';
import { collatedStringComparison } from './collation';
import { CommandError } from '../commands/command-error';
import { canonicalKey } from '../storage/canonical-key';

export interface CollectionScanPlan {
  readonly kind: 'COLLSCAN';
}

export interface IndexScanPlan {
  readonly kind: 'IXSCAN';
  readonly index: OrderedIndex;
  /** Disjoint, in the order they are scanned. */
  readonly intervals: readonly KeyInterval[];
  /** Scanned from the index's last entry backwards. */
  readonly reverse: boolean;
  /**
   * Index positions of the sort fields when the scan order is the requested sort: results then stream in
   * order and a limit stops the scan. Undefined when matches must be sorted after the scan.
   */
  readonly sortPositions: readonly number[] | undefined;
  /** Per index field, for explain. */
  readonly bounds: readonly (FieldBounds | undefined)[];
}

/** A rooted `$or` whose every branch has an index: the branches' scans, each document fetched once. */
export interface IndexUnionPlan {
  readonly kind: 'OR';
  readonly branches: readonly IndexScanPlan[];
}

export type QueryPlan = CollectionScanPlan | IndexScanPlan | IndexUnionPlan;

export interface QueryShape {
  readonly filter?: Document | undefined;
  readonly sort?: Document | undefined;
  /** The command's `hint`: an index name or key pattern, or `{$natural: ±1}` for a collection scan. */
  readonly hint?: string | Document | undefined;
}

/** Beyond this many equality combinations (`$in` lists multiplied) the rest is left to the filter. */
const MAX_POINT_COMBINATIONS = 256;

interface Candidate {
  readonly plan: IndexScanPlan;
  /** Compared lexicographically, larger is better. */
  readonly score: readonly number[];
}

/**
 * Chooses how to find a query's documents, as MongoDB's planner shapes index bounds: the longest prefix of
 * index fields fixed by equalities (`$in` included), then one range on the next field, then whether the
 * index order gives the requested sort. Candidates compare by that (a unique index fully fixed wins); the
 * collection is scanned when no index bounds the query, serves its sort, or (partial index) holds fewer
 * entries than the collection. Results never depend on the choice: matches are always re-checked by the
 * full filter, and ordered like a stable sort over natural order.
 */
export function planQuery(collection: Collection, shape: QueryShape): QueryPlan {
  const hinted = shape.hint === undefined ? undefined : hintedIndex(collection, shape.hint);
  // Indexes hold strings in binary order; under the command's non-simple collation (ambient, see
  // collation.ts) "PING" may equal "ping", so the bounds would miss documents: such queries scan.
  if (collatedStringComparison() !== undefined) return { kind: 'COLLSCAN' };
  const sortFields = sortFieldsOf(shape.sort);
  if (hinted === NATURAL_ORDER || sortFields === undefined) return { kind: 'COLLSCAN' };
  const conditions = fieldConditionsOf(shape.filter);
  if (hinted !== undefined) {
    const forced = candidateFor(hinted, conditions, sortFields, collection.size, true);
    if (forced === undefined) throw hintError();
    return forced.plan;
  }
  const best = bestCandidate(collection, conditions, sortFields);
  if (best !== undefined && narrows(best.plan)) return best.plan;
  return indexUnion(collection, shape.filter) ?? best?.plan ?? { kind: 'COLLSCAN' };
}

function bestCandidate(
  collection: Collection,
  conditions: ReadonlyMap<string, unknown[]>,
  sortFields: readonly SortField[],
): Candidate | undefined {
  let best: Candidate | undefined;
  for (const index of collection.orderedIndexList()) {
    const candidate = candidateFor(index, conditions, sortFields, collection.size);
    if (candidate !== undefined && (best === undefined || compareScores(candidate.score, best.score) > 0)) {
      best = candidate;
    }
  }
  return best;
}

/** Whether an index plan narrows the documents (not just gives their order). */
function narrows(plan: IndexScanPlan): boolean {
  return plan.bounds.some((field) => field !== undefined);
}

/**
 * A filter `{$or: [...]}` (other top-level conditions are checked on the fetched documents) planned as
 * mongod's OR stage: each branch's best bounded index scan. A branch no index bounds means the union would
 * be a whole scan anyway, so the collection is scanned instead.
 */
function indexUnion(collection: Collection, filter: Document | undefined): IndexUnionPlan | undefined {
  const branches = filter?.['$or'] as unknown;
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  const plans: IndexScanPlan[] = [];
  for (const branch of branches as Document[]) {
    const best = bestCandidate(collection, fieldConditionsOf(branch), []);
    if (best === undefined || !narrows(best.plan)) return undefined;
    plans.push(best.plan);
  }
  return { kind: 'OR', branches: plans };
}

const NATURAL_ORDER = Symbol('$natural hint');

/** The index a hint names, by name or key pattern, as mongod resolves it; unknown ones are error 2. */
function hintedIndex(collection: Collection, hint: string | Document): OrderedIndex | typeof NATURAL_ORDER {
  if (typeof hint !== 'string' && Object.keys(hint)[0] === '$natural') return NATURAL_ORDER;
  const definition = collection
    .indexDefinitions()
    .find((index) =>
      typeof hint === 'string' ? index.name === hint : canonicalKey(index.key) === canonicalKey(hint),
    );
  if (definition === undefined) throw hintError();
  const index = collection.orderedIndex(definition.name);
  if (index === undefined) {
    throw new CommandError(
      'BadValue',
      `hint to index ${definition.name} is not supported by the MongoDB emulator (not an ordered 1/-1 index)`,
    );
  }
  return index;
}

function hintError(): CommandError {
  return new CommandError(
    'BadValue',
    'error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index',
  );
}

interface SortField {
  readonly path: string;
  readonly direction: 1 | -1;
}

/** Undefined when the sort cannot come from an index at all (`$natural`, `$meta`). */
function sortFieldsOf(sort: Document | undefined): SortField[] | undefined {
  const fields: SortField[] = [];
  for (const [path, direction] of Object.entries(sort ?? {})) {
    const normalized = Number(typeof direction === 'number' ? direction : String(direction));
    if (path === '$natural' || (normalized !== 1 && normalized !== -1)) return undefined;
    fields.push({ path, direction: normalized });
  }
  return fields;
}

function candidateFor(
  index: OrderedIndex,
  conditions: ReadonlyMap<string, unknown[]>,
  sortFields: readonly SortField[],
  collectionSize: number,
  hinted = false,
): Candidate | undefined {
  // mongod reads a numeric path part as an array position or a field name; the key generation here does not.
  if (index.fields.some((field) => field.split('.').some((part) => /^\d+$/.test(part)))) return undefined;
  const partial = index.definition.partialFilterExpression;
  if (partial !== undefined && !impliesPartialFilter(conditions, partial)) return undefined;
  const bounds = index.fields.map((field, position) => {
    const fieldConditions = conditions.get(field);
    return fieldConditions === undefined
      ? undefined
      : boundsOfField(fieldConditions, index.isMultikey(position));
  });
  // A sparse index lacks documents missing all its fields, which only a null-excluding bound rules out
  // (a hint is obeyed anyway, as mongod obeys it: such documents are then not found).
  if (
    !hinted &&
    index.definition.sparse &&
    !bounds.some((field) => field !== undefined && excludesNull(field))
  ) {
    return undefined;
  }

  let combinations: unknown[][] = [[]];
  let prefixLength = 0;
  for (const field of bounds) {
    if (field === undefined || !field.every(isPoint)) break;
    if (combinations.length * field.length > MAX_POINT_COMBINATIONS) break;
    combinations = combinations.flatMap((prefix) => field.map((interval) => [...prefix, interval.low]));
    prefixLength++;
  }
  const rangeBounds = prefixLength < bounds.length ? bounds[prefixLength] : undefined;
  const ranges: readonly (ValueInterval | undefined)[] = rangeBounds ?? [undefined];
  const sortOrder = servedSort(index, bounds, sortFields);
  const usable =
    prefixLength > 0 ||
    rangeBounds !== undefined ||
    (sortOrder !== undefined && sortFields.length > 0) ||
    (partial !== undefined && index.entryCount < collectionSize);
  if (!usable && !hinted) return undefined;

  const intervals = combinations.flatMap((prefix) =>
    ranges.map((range) => keyInterval(index, prefix, range)),
  );
  intervals.sort((left, right) => index.compareKeys(left.low, right.low));
  const reverse = sortOrder?.reverse ?? false;
  if (reverse) intervals.reverse();
  const fullyFixed = index.definition.unique && prefixLength === bounds.length && combinations.length === 1;
  return {
    plan: { kind: 'IXSCAN', index, intervals, reverse, sortPositions: sortOrder?.positions, bounds },
    score: [
      fullyFixed ? 1 : 0,
      prefixLength,
      rangeBounds !== undefined ? 1 : 0,
      sortOrder !== undefined && sortFields.length > 0 ? 1 : 0,
      -index.fields.length,
    ],
  };
}

/**
 * Whether scanning the index gives the sort: the sort fields, leaving out those fixed to one value, must be
 * consecutive index fields after fields fixed to one value, all in the index's directions or all reversed,
 * and none multikey (an array's sort key is its smallest or largest element, which index order does not
 * give). Equal sort keys are put in natural order while streaming, so the rest of the index key may vary.
 */
function servedSort(
  index: OrderedIndex,
  bounds: readonly (FieldBounds | undefined)[],
  sortFields: readonly SortField[],
): { positions: number[]; reverse: boolean } | undefined {
  const fixed = (position: number): boolean => {
    const field = bounds[position];
    return (
      field !== undefined &&
      field.length === 1 &&
      isPoint(field[0] as ValueInterval) &&
      !index.isMultikey(position)
    );
  };
  const varying = sortFields.filter((field) => {
    const position = index.fields.indexOf(field.path);
    return position < 0 || !fixed(position);
  });
  const [first] = varying;
  if (first === undefined) return undefined;
  const start = index.fields.indexOf(first.path);
  if (start < 0) return undefined;
  for (let position = 0; position < start; position++) if (!fixed(position)) return undefined;
  const reverse = first.direction !== index.directions[start];
  const positions: number[] = [];
  for (const [offset, field] of varying.entries()) {
    const position = start + offset;
    if (index.fields[position] !== field.path || index.isMultikey(position)) return undefined;
    if ((field.direction !== index.directions[position]) !== reverse) return undefined;
    positions.push(position);
  }
  return { positions, reverse };
}

/**
 * The key interval of one equality combination and one range on the next field (or none). Fields after
 * them are filled with key extremes, and the ends' inclusiveness decides which extreme: an exclusive low
 * end starts after every entry with that value.
 */
function keyInterval(
  index: OrderedIndex,
  prefix: readonly unknown[],
  range: ValueInterval | undefined,
): KeyInterval {
  const lowValues: unknown[] = [...prefix];
  const highValues: unknown[] = [...prefix];
  let lowInclusive = true;
  let highInclusive = true;
  if (range !== undefined) {
    const ascending = index.directions[prefix.length] === 1;
    lowValues.push(ascending ? range.low : range.high);
    highValues.push(ascending ? range.high : range.low);
    lowInclusive = ascending ? range.lowInclusive : range.highInclusive;
    highInclusive = ascending ? range.highInclusive : range.lowInclusive;
  }
  while (lowValues.length < index.fields.length)
    lowValues.push(lowInclusive ? KeyExtreme.LOWEST : KeyExtreme.HIGHEST);
  while (highValues.length < index.fields.length)
    highValues.push(highInclusive ? KeyExtreme.HIGHEST : KeyExtreme.LOWEST);
  const low: IndexKey = { values: lowValues, sequence: lowInclusive ? -Infinity : Infinity };
  const high: IndexKey = { values: highValues, sequence: highInclusive ? Infinity : -Infinity };
  return { low, high };
}

function compareScores(left: readonly number[], right: readonly number[]): number {
  for (let position = 0; position < left.length; position++) {
    const order = (left[position] ?? 0) - (right[position] ?? 0);
    if (order !== 0) return order;
  }
  return 0;
}
