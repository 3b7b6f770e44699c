import type { Document } from 'bson';
import { indexedValuesAtPath } from '../query/field-path';
import { compileFilter, type DocumentPredicate } from '../query/filter-matcher';
import { WaitForLockError } from '../transactions/write-lock-table';
import type { Collection } from './collection';
import { idKeyOf } from './document-id';
import type { IndexDefinition } from './index-definition';
import { BracketBound } from './index-key';

/** How often the monitor sweeps every TTL index unless told otherwise (mongod: 60 s). */
export const DEFAULT_TTL_SWEEP_INTERVAL_MS = 1000;

/**
 * mongod's TTL monitor, faster: every `intervalMs` each TTL index (a single-field index with
 * `expireAfterSeconds`) deletes the documents whose indexed date (the earliest one, for an array) lies
 * more than `expireAfterSeconds` in the past. Documents without a date there never expire; a partial
 * index only expires the documents it covers. As in mongod, expiry is a background delete, not a read
 * filter: an expired document stays visible until the next sweep. A document held by an open transaction
 * is left for a later sweep.
 */
export class TtlMonitor {
  private timer: NodeJS.Timeout | undefined;
  private readonly partialFilters = new WeakMap<IndexDefinition, DocumentPredicate>();

  constructor(
    private readonly collections: () => Iterable<Collection>,
    private readonly intervalMs = DEFAULT_TTL_SWEEP_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => this.sweep(), this.intervalMs);
    // A test process must be able to exit with an emulator still running.
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Deletes every expired document now; returns how many were deleted. */
  sweep(): number {
    let deleted = 0;
    const now = this.now();
    for (const collection of this.collections()) {
      for (const index of collection.indexDefinitions()) {
        if (index.expireAfterSeconds === undefined) continue;
        const fields = Object.keys(index.key);
        if (fields.length !== 1) continue;
        const deadline = now - index.expireAfterSeconds * 1000;
        const expired = [...this.candidates(collection, index, deadline)].filter((document) =>
          this.isExpired(document, fields[0] as string, deadline, index),
        );
        for (const document of expired) if (this.tryRemove(collection, idKeyOf(document))) deleted++;
      }
    }
    return deleted;
  }

  /**
   * Documents with a date at or before the deadline: read from the index (its Date bracket up to the
   * deadline) so a sweep costs what expires, not the collection's size; a scan if it is not kept ordered.
   */
  private *candidates(collection: Collection, index: IndexDefinition, deadline: number): Iterable<Document> {
    const ordered = collection.orderedIndex(index.name);
    if (ordered === undefined) {
      yield* collection.documents();
      return;
    }
    const earliest = BracketBound.below(new Date(0));
    const interval =
      ordered.directions[0] === 1
        ? {
            low: { values: [earliest], sequence: -Infinity },
            high: { values: [new Date(deadline)], sequence: Infinity },
          }
        : {
            low: { values: [new Date(deadline)], sequence: -Infinity },
            high: { values: [earliest], sequence: Infinity },
          };
    const seen = new Set<string>();
    for (const [, idKey] of ordered.scan(interval, false)) {
      if (seen.has(idKey)) continue;
      seen.add(idKey);
      const document = collection.get(idKey);
      if (document !== undefined) yield document;
    }
  }

  private isExpired(document: Document, field: string, deadline: number, index: IndexDefinition): boolean {
    const dates = indexedValuesAtPath(document, field).filter(
      (value): value is Date => value instanceof Date,
    );
    if (dates.length === 0) return false;
    const earliest = Math.min(...dates.map((date) => date.getTime()));
    return earliest <= deadline && this.coveredBy(index, document);
  }

  private coveredBy(index: IndexDefinition, document: Document): boolean {
    if (index.partialFilterExpression === undefined) return true;
    let predicate = this.partialFilters.get(index);
    if (predicate === undefined) {
      predicate = compileFilter(index.partialFilterExpression);
      this.partialFilters.set(index, predicate);
    }
    return predicate(document);
  }

  private tryRemove(collection: Collection, idKey: string): boolean {
    if (collection.get(idKey) === undefined) return false;
    try {
      collection.remove(idKey);
      return true;
    } catch (error) {
      if (error instanceof WaitForLockError) return false;
      throw error;
    }
  }
}
