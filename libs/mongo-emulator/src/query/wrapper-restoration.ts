import type { Document } from 'bson';
import { canonicalKey } from '../storage/canonical-key';
import { toComparable } from './comparable-value';
import { isNumericWrapper } from './exact-arithmetic';

/**
 * Undoes comparable-value.ts on mingo's output where the value was not changed: a number sitting where
 * the original (the same path in the input document, or in the input document with the same `_id`)
 * held a Long/Double/Decimal128 of that same value gets the original back, keeping its BSON type.
 */
export function restoreWrappers(
  value: unknown,
  original: unknown,
  originalsById: ReadonlyMap<string, Document>,
): unknown {
  if (typeof value === 'number') {
    return isNumericWrapper(original) && toComparable(original) === value ? original : value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const originals = Array.isArray(original) ? original : [];
    return value.map((element, position) => restoreWrappers(element, originals[position], originalsById));
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const document = value as Document;
  const byId = '_id' in document ? originalsById.get(canonicalKey(document['_id'])) : undefined;
  const counterpart = (byId ?? original) as Document | undefined;
  const restored: Document = {};
  for (const [field, fieldValue] of Object.entries(document)) {
    const originalField =
      counterpart !== null && typeof counterpart === 'object' ? counterpart[field] : undefined;
    restored[field] = restoreWrappers(fieldValue, originalField, originalsById);
  }
  return restored;
}
