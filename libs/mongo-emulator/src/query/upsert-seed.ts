import type { Document } from 'bson';
import { cloneValue } from './document-clone';
import { setValueAtPath } from './field-path';

/**
 * The document an upsert starts from: every equality in the filter (`field: value`, `field: {$eq}`,
 * and the same inside `$and`), as MongoDB seeds inserted documents before applying the update.
 */
export function seedFromFilter(filter: Document | undefined): Document {
  const seed: Document = {};
  if (filter !== undefined) collectEqualities(filter, seed);
  return seed;
}

function collectEqualities(filter: Document, seed: Document): void {
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const clause of condition) collectEqualities(clause as Document, seed);
    } else if (field.startsWith('$') || condition instanceof RegExp) {
      continue;
    } else if (isOperatorObject(condition)) {
      if ('$eq' in condition) setValueAtPath(seed, field, cloneValue(condition['$eq']));
    } else {
      setValueAtPath(seed, field, cloneValue(condition));
    }
  }
}

function isOperatorObject(value: unknown): value is Document {
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype)
    return false;
  return Object.keys(value).some((key) => key.startsWith('$'));
}
