import type { Document } from 'bson';
import { canonicalKey } from '../storage/canonical-key';
import { bsonEquals } from './bson-order';
import { isOperatorObject } from './filter-matcher';
import { boundsOfField, excludesNull } from './index-bounds';

/**
 * Whether every document a query matches also matches a partial index's filter, so the index holds all
 * of the query's results. Conservative, as MongoDB's own check: each condition of the partial filter must
 * be implied by a condition the query places on the same field (the same condition, an equality inside an
 * `$in` list, or a bound that excludes null for `$exists: true`); anything else answers false.
 */
export function impliesPartialFilter(
  queryConditions: ReadonlyMap<string, unknown[]>,
  partial: Document,
): boolean {
  return Object.entries(partial).every(([field, required]) => {
    if (field.startsWith('$')) return false;
    return (queryConditions.get(field) ?? []).some((condition) => conditionImplies(condition, required));
  });
}

function conditionImplies(condition: unknown, required: unknown): boolean {
  if (canonicalKey(condition) === canonicalKey(required)) return true;
  const value = equalityValue(condition);
  const requiredValue = equalityValue(required);
  if (value.found && requiredValue.found) return bsonEquals(value.value, requiredValue.value);
  if (!isOperatorObject(required) || Object.keys(required).length !== 1) return false;
  const list = required['$in'];
  if (Array.isArray(list) && value.found) return list.some((candidate) => bsonEquals(candidate, value.value));
  if (required['$exists'] === true) {
    const bounds = boundsOfField([condition], true);
    return bounds !== undefined && excludesNull(bounds);
  }
  return false;
}

function equalityValue(condition: unknown): { found: boolean; value?: unknown } {
  if (isOperatorObject(condition)) {
    const keys = Object.keys(condition);
    if (keys.length === 1 && keys[0] === '$eq') return equalityValue(condition['$eq']);
    return { found: false };
  }
  if (condition instanceof RegExp || Array.isArray(condition)) return { found: false };
  return { found: true, value: condition };
}
