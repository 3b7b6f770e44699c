import type { Document } from 'bson';
import { canonicalKey } from '../storage/canonical-key';
import type { DocumentSet } from '../storage/document-set';
import { sortDocuments } from './document-sorter';
import { collatedStringComparison } from './collation';
import { compileFilter } from './filter-matcher';
import { readOnlyMingoOptions, withVariables } from './mingo-context';

export interface SelectionOptions {
  readonly sort?: Document | undefined;
  readonly skip?: number | undefined;
  /** 0 or undefined: no limit. */
  readonly limit?: number | undefined;
  /** The command's `let` variables, for `$expr`. */
  readonly variables?: Document | undefined;
}

/** The documents a filter selects, in sort order (natural order without a sort), after skip and limit. */
export function selectDocuments(
  set: DocumentSet,
  filter: Document | undefined,
  options: SelectionOptions = {},
): Document[] {
  const predicate = compileFilter(
    filter,
    options.variables === undefined ? undefined : withVariables(readOnlyMingoOptions(), options.variables),
  );
  const skip = options.skip ?? 0;
  const limit = options.limit !== undefined && options.limit !== 0 ? Math.abs(options.limit) : Infinity;
  const hasSort = options.sort !== undefined && Object.keys(options.sort).length > 0;
  const matched: Document[] = [];
  for (const document of candidateDocuments(set, filter)) {
    if (!predicate(document)) continue;
    matched.push(document);
    // Without a sort the natural order is final, so stop as soon as the page is full.
    if (!hasSort && matched.length >= skip + limit) break;
  }
  const ordered = hasSort ? sortDocuments(matched, options.sort) : matched;
  return ordered.slice(skip, limit === Infinity ? undefined : skip + limit);
}

/**
 * Documents that can match the filter. Equality or `$in` on `_id` becomes point lookups in the `_id`
 * map instead of a scan; the full filter is still applied to what comes back.
 */
export function candidateDocuments(set: DocumentSet, filter: Document | undefined): Iterable<Document> {
  const idCondition = filter?.['_id'];
  if (idCondition === undefined) return set.documents();
  const idValues = pointLookupValues(idCondition);
  if (idValues === undefined) return set.documents();
  // The _id map is keyed in binary order; a collation may find "PING" equal to "ping": scan instead.
  if (collatedStringComparison() !== undefined && idValues.some((value) => typeof value === 'string')) {
    return set.documents();
  }
  const found = new Map<string, Document>();
  for (const value of idValues) {
    const key = canonicalKey(value);
    const document = set.get(key);
    if (document !== undefined) found.set(key, document);
  }
  return found.values();
}

function pointLookupValues(condition: unknown): unknown[] | undefined {
  if (condition instanceof RegExp) return undefined;
  if (!isOperatorObject(condition)) return [condition];
  const operators = Object.keys(condition);
  if (operators.length !== 1) return undefined;
  if ('$eq' in condition) return pointLookupValues(condition['$eq']);
  const candidates = condition['$in'];
  if (
    Array.isArray(candidates) &&
    candidates.every((value) => !(value instanceof RegExp) && !isOperatorObject(value))
  ) {
    return candidates;
  }
  return undefined;
}

function isOperatorObject(value: unknown): value is Document {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.keys(value).some((key) => key.startsWith('$'));
}
