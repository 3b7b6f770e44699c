import type { Document } from 'bson';
import { CommandError } from '../commands/command-error';
import { compareBson, EMPTY_ARRAY_SORT_KEY } from './bson-order';
import { isPlainObject } from './filter-matcher';

interface SortField {
  readonly path: string;
  readonly direction: 1 | -1;
}

/**
 * Sorts by MongoDB rules: values compare with compareBson (bson-order.ts); an array field sorts by its
 * smallest element ascending and its largest descending; missing fields sort as null, and an empty array
 * below null. Equal keys keep their input order. `$natural: -1` reverses the input order.
 */
export function sortDocuments(documents: Document[], sort: Document | undefined): Document[] {
  if (sort === undefined) return documents;
  const fields: SortField[] = [];
  let reverseNatural = false;
  for (const [path, direction] of Object.entries(sort)) {
    const normalized = typeof direction === 'number' ? direction : Number(String(direction));
    if (normalized !== 1 && normalized !== -1) {
      throw new CommandError(
        'BadValue',
        '$sort key ordering must be 1 (for ascending) or -1 (for descending)',
      );
    }
    if (path === '$natural') reverseNatural = normalized === -1;
    else fields.push({ path, direction: normalized });
  }
  const natural = reverseNatural ? [...documents].reverse() : documents;
  if (fields.length === 0) return natural;
  const keyed = natural.map((document) => ({
    document,
    keys: fields.map((field) => sortKeyOf(document, field)),
  }));
  keyed.sort((left, right) => {
    for (let position = 0; position < fields.length; position++) {
      const order = compareBson(left.keys[position], right.keys[position]);
      if (order !== 0) return order * (fields[position] as SortField).direction;
    }
    return 0;
  });
  return keyed.map((entry) => entry.document);
}

function sortKeyOf(document: Document, field: SortField): unknown {
  const values: unknown[] = [];
  collectSortValues(document, field.path.split('.'), 0, values);
  let chosen = values[0];
  for (let position = 1; position < values.length; position++) {
    const order = compareBson(values[position], chosen);
    if (order * field.direction < 0) chosen = values[position];
  }
  return chosen;
}

/** The values a path contributes to a sort key, the way a multikey index key is built. */
function collectSortValues(current: unknown, parts: readonly string[], index: number, out: unknown[]): void {
  if (index === parts.length) {
    if (!Array.isArray(current)) out.push(current ?? null);
    else if (current.length === 0) out.push(EMPTY_ARRAY_SORT_KEY);
    else out.push(...current);
    return;
  }
  const part = parts[index] as string;
  if (Array.isArray(current)) {
    if (current.length === 0) {
      out.push(EMPTY_ARRAY_SORT_KEY);
      return;
    }
    if (/^\d+$/.test(part) && Number(part) < current.length) {
      collectSortValues(current[Number(part)], parts, index + 1, out);
      return;
    }
    for (const element of current) {
      if (isPlainObject(element)) collectSortValues(element[part], parts, index + 1, out);
      else out.push(null);
    }
    return;
  }
  if (isPlainObject(current)) collectSortValues(current[part], parts, index + 1, out);
  else out.push(null);
}
