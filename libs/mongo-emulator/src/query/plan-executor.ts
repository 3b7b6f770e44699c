import type { Document } from 'bson';
import type { DocumentSet } from '../storage/document-set';
import type { IndexKey } from '../storage/index-key';
import { compareBsonBinary } from './bson-order';
import { sortDocuments } from './document-sorter';
import type { DocumentPredicate } from './filter-matcher';
import type { IndexScanPlan, IndexUnionPlan, QueryPlan } from './query-planner';

export interface ExecutionOptions {
  readonly sort?: Document | undefined;
  readonly skip: number;
  /** Infinity: no limit. */
  readonly limit: number;
}

/** What explain reports as executionStats. */
export interface ExecutionStats {
  keysExamined: number;
  docsExamined: number;
}

export interface Execution {
  readonly documents: Document[];
  readonly stats: ExecutionStats;
}

/**
 * Runs a plan. A collection scan reads documents in natural order; an index scan reads entries in its
 * intervals, fetches each document once, and stops early when the index order is the sort and the page
 * (skip + limit) is full; an index union runs each branch's scan, fetching each document once over all of
 * them. Either way the result is what a scan followed by a stable sort would give.
 */
export function executePlan(
  set: DocumentSet,
  plan: QueryPlan,
  predicate: DocumentPredicate,
  options: ExecutionOptions,
): Execution {
  return plan.kind === 'COLLSCAN'
    ? scanCollection(set, predicate, options)
    : scanIndex(set, plan, predicate, options);
}

function scanCollection(
  set: DocumentSet,
  predicate: DocumentPredicate,
  options: ExecutionOptions,
): Execution {
  const stats: ExecutionStats = { keysExamined: 0, docsExamined: 0 };
  const wanted = options.skip + options.limit;
  const hasSort = options.sort !== undefined && Object.keys(options.sort).length > 0;
  const matched: Document[] = [];
  for (const document of set.documents()) {
    stats.docsExamined++;
    if (!predicate(document)) continue;
    matched.push(document);
    // Without a sort the natural order is final, so stop as soon as the page is full.
    if (!hasSort && matched.length >= wanted) break;
  }
  const ordered = hasSort ? sortDocuments(matched, options.sort) : matched;
  return { documents: page(ordered, options), stats };
}

interface Match {
  readonly document: Document;
  readonly rank: number;
  /** Index of the run of equal sort keys the entry came in (streamed sorts only). */
  readonly group: number;
}

function scanIndex(
  set: DocumentSet,
  plan: IndexScanPlan | IndexUnionPlan,
  predicate: DocumentPredicate,
  options: ExecutionOptions,
): Execution {
  const stats: ExecutionStats = { keysExamined: 0, docsExamined: 0 };
  const overlay = set.indexOverlay();
  const committed = set.collection;
  const wanted = options.skip + options.limit;
  const sortPositions = plan.kind === 'IXSCAN' ? plan.sortPositions : undefined;
  const streamed = sortPositions !== undefined;
  const scans = plan.kind === 'IXSCAN' ? [plan] : plan.branches;
  const seen = new Set<string>();
  const matches: Match[] = [];
  let group = -1;
  let groupKey: IndexKey | undefined;
  scan: for (const { index, intervals, reverse } of scans) {
    for (const interval of intervals) {
      for (const [key, idKey] of index.scan(interval, reverse)) {
        stats.keysExamined++;
        if (streamed && (groupKey === undefined || !sameSortKey(groupKey, key, sortPositions))) {
          // Equal sort keys may sit apart from each other's natural order: the page is only complete at
          // the end of a run of equal keys.
          if (matches.length >= wanted) break scan;
          group++;
          groupKey = key;
        }
        if (seen.has(idKey)) continue;
        seen.add(idKey);
        if (overlay?.idKeys.has(idKey) === true) continue;
        const document = committed.get(idKey);
        if (document === undefined) continue;
        stats.docsExamined++;
        if (predicate(document)) matches.push({ document, rank: key.sequence, group });
      }
    }
  }
  let overlayMatched = false;
  for (const idKey of overlay?.idKeys ?? []) {
    const document = set.get(idKey);
    if (document === undefined) continue;
    stats.docsExamined++;
    if (!predicate(document)) continue;
    matches.push({ document, rank: overlay?.naturalRank(idKey) ?? 0, group: 0 });
    overlayMatched = true;
  }
  if (streamed && !overlayMatched) {
    matches.sort((left, right) => left.group - right.group || left.rank - right.rank);
    return {
      documents: page(
        matches.map((match) => match.document),
        options,
      ),
      stats,
    };
  }
  matches.sort((left, right) => left.rank - right.rank);
  const natural = matches.map((match) => match.document);
  return {
    documents: page(options.sort === undefined ? natural : sortDocuments(natural, options.sort), options),
    stats,
  };
}

function sameSortKey(left: IndexKey, right: IndexKey, positions: readonly number[]): boolean {
  return positions.every(
    (position) => compareBsonBinary(left.values[position], right.values[position]) === 0,
  );
}

function page(documents: Document[], options: ExecutionOptions): Document[] {
  return documents.slice(options.skip, options.limit === Infinity ? undefined : options.skip + options.limit);
}
