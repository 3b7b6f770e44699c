import { Types } from 'mongoose';
import type { SortSpec } from './repository-options';

/**
 * A comparator ordering documents as MongoDB's `sort` does for the values platform reads sort on (ObjectIds,
 * dates, numbers, strings; missing and null first), so rows read from several placements merge into the
 * order one database would have returned. Ties keep their input order.
 */
export function compareBySort<T>(sort: SortSpec): (a: T, b: T) => number {
  const fields = Object.entries(sort);
  return (a, b) => {
    for (const [field, direction] of fields) {
      const order = compareValues(valueAt(a, field), valueAt(b, field));
      if (order !== 0) return order * direction;
    }
    return 0;
  };
}

function valueAt(document: unknown, path: string): unknown {
  let value = document;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function compareValues(a: unknown, b: unknown): number {
  const left = comparable(a);
  const right = comparable(b);
  if (left === right) return 0;
  if (left === null) return -1;
  if (right === null) return 1;
  if (typeof left !== typeof right) return typeof left < typeof right ? -1 : 1;
  return left < right ? -1 : 1;
}

function comparable(value: unknown): number | string | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Types.ObjectId) return value.toHexString();
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return String(value);
}
