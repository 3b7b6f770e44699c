import type { Document } from 'bson';
import BTree from 'sorted-btree';
import type { DocumentPredicate } from '../query/filter-matcher';
import { compileFilter } from '../query/filter-matcher';
import { indexedValuesAtPath } from '../query/field-path';
import { canonicalKey } from './canonical-key';
import type { IndexDefinition } from './index-definition';
import { indexKeyComparator, type IndexKey } from './index-key';

/** A contiguous run of index entries, bounds included (bounds are built so that inclusiveness is encoded). */
export interface KeyInterval {
  readonly low: IndexKey;
  readonly high: IndexKey;
}

/**
 * A declared index kept as a B+ tree of entries (sorted-btree: a maintained, dependency-free B+ tree that
 * takes a custom comparator and iterates from any key in both directions, which is all a range scan needs).
 * Entries follow MongoDB's key generation: one per combination of the values each field reaches (multikey
 * over arrays), missing fields as null, documents left out by `sparse` or `partialFilterExpression`.
 * The tree's value is the document's `_id` key.
 */
export class OrderedIndex {
  readonly fields: readonly string[];
  readonly directions: readonly (1 | -1)[];
  private readonly compare: (left: IndexKey, right: IndexKey) => number;
  private readonly tree: BTree<IndexKey, string>;
  private readonly partialFilter: DocumentPredicate | undefined;
  /** Per field: how many indexed documents reach an array on its path (the field is multikey while > 0). */
  private readonly arrayDocuments: number[];

  constructor(readonly definition: IndexDefinition) {
    this.fields = Object.keys(definition.key);
    this.directions = Object.values(definition.key).map((direction) => (Number(direction) < 0 ? -1 : 1));
    this.compare = indexKeyComparator(this.directions);
    this.tree = new BTree<IndexKey, string>(undefined, this.compare);
    this.partialFilter =
      definition.partialFilterExpression !== undefined
        ? compileFilter(definition.partialFilterExpression)
        : undefined;
    this.arrayDocuments = this.fields.map(() => 0);
  }

  /**
   * Only plain ascending/descending key patterns are kept ordered: text, hashed and geo indexes order by
   * something else, and an index with a collation orders strings by it, which the planner cannot follow.
   */
  static supports(definition: IndexDefinition): boolean {
    if (definition.spec['collation'] !== undefined) return false;
    const directions = Object.values(definition.key);
    return directions.length > 0 && directions.every((direction) => Math.abs(Number(direction)) === 1);
  }

  get name(): string {
    return this.definition.name;
  }

  get entryCount(): number {
    return this.tree.size;
  }

  compareKeys(left: IndexKey, right: IndexKey): number {
    return this.compare(left, right);
  }

  isMultikey(position: number): boolean {
    return (this.arrayDocuments[position] ?? 0) > 0;
  }

  /** The key value tuples of a document, none when sparse/partial rules leave it out. */
  keyTuplesOf(document: Document): unknown[][] {
    if (this.partialFilter !== undefined && !this.partialFilter(document)) return [];
    // An empty array on the way ({d: []} for `d.x`) reaches no value, but the document still needs a key.
    const valuesPerField = this.fields.map((field) => {
      const values = indexedValuesAtPath(document, field);
      return values.length === 0 ? [undefined] : values;
    });
    if (
      this.definition.sparse &&
      valuesPerField.every((values) => values.every((value) => value === undefined))
    ) {
      return [];
    }
    let tuples: unknown[][] = [[]];
    for (const values of valuesPerField) {
      tuples = tuples.flatMap((prefix) => values.map((value) => [...prefix, value ?? null]));
    }
    if (tuples.length === 1) return tuples;
    const unique = new Map<string, unknown[]>();
    for (const tuple of tuples) unique.set(tuple.map(canonicalKey).join('|'), tuple);
    return [...unique.values()];
  }

  add(document: Document, idKey: string, sequence: number): void {
    const tuples = this.keyTuplesOf(document);
    if (tuples.length === 0) return;
    let added = false;
    for (const values of tuples) added = this.tree.set({ values, sequence }, idKey) || added;
    if (added) this.countArrays(document, 1);
  }

  remove(document: Document, sequence: number): void {
    const tuples = this.keyTuplesOf(document);
    if (tuples.length === 0) return;
    // A committed transaction's documents are unindexed twice (collection.applyChanges): count once.
    let removed = false;
    for (const values of tuples) removed = this.tree.delete({ values, sequence }) || removed;
    if (removed) this.countArrays(document, -1);
  }

  /** How many entries one interval holds, counted inside the tree (a count scan reads no entry out of it). */
  countIn(interval: KeyInterval): number {
    return this.tree.forRange(interval.low, interval.high, true);
  }

  /** Entries of one interval in index order, or in reverse. The tree must not change while iterating. */
  *scan(interval: KeyInterval, reverse: boolean): Iterable<[IndexKey, string]> {
    const { compare } = this;
    if (!reverse) {
      for (const entry of this.tree.entries(interval.low)) {
        if (compare(entry[0], interval.high) > 0) return;
        yield entry;
      }
    } else {
      for (const entry of this.tree.entriesReversed(interval.high)) {
        if (compare(entry[0], interval.low) < 0) return;
        yield entry;
      }
    }
  }

  private countArrays(document: Document, change: 1 | -1): void {
    this.fields.forEach((field, position) => {
      if (reachesArray(document, field))
        this.arrayDocuments[position] = (this.arrayDocuments[position] ?? 0) + change;
    });
  }
}

/** True when the path meets an array on its way or at its end: the document makes the field multikey. */
function reachesArray(document: Document, path: string): boolean {
  let current: unknown = document;
  for (const part of path.split('.')) {
    if (Array.isArray(current)) return true;
    if (current === null || typeof current !== 'object') return false;
    current = (current as Record<string, unknown>)[part];
  }
  return Array.isArray(current);
}
