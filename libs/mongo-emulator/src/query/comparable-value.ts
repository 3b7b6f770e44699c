import type { Document } from 'bson';

/**
 * mingo compares objects of one class by their `toString()`, so Decimal128('10') < Decimal128('9') and
 * Long never equals a number. Before a value reaches mingo for matching, sorting or aggregating, numeric
 * BSON wrappers become plain numbers (Decimal128 therefore compares as a double: exact equality holds,
 * ordering is exact up to ~15 significant digits). ObjectId, Date and the rest are left as they are:
 * mingo already compares them correctly.
 *
 * Stored documents are never mutated (see storage/collection.ts), so the converted form of each one is
 * cached; a document without numeric wrappers is its own comparable form.
 */
const cache = new WeakMap<object, Document>();

export function comparableDocument(document: Document): Document {
  const cached = cache.get(document);
  if (cached !== undefined) return cached;
  const converted = toComparable(document) as Document;
  cache.set(document, converted);
  return converted;
}

export function toComparable(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let changed = false;
    const converted = value.map((element) => {
      const next = toComparable(element);
      if (next !== element) changed = true;
      return next;
    });
    return changed ? converted : value;
  }
  const bsonType = (value as { _bsontype?: unknown })._bsontype;
  if (bsonType === 'Decimal128' || bsonType === 'Int32' || bsonType === 'Double')
    return Number(String(value));
  if (bsonType === 'Long') return (value as unknown as { toNumber(): number }).toNumber();
  if (bsonType !== undefined || value instanceof Date || value instanceof RegExp) return value;
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)
    return value;
  let changed = false;
  const converted: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const next = toComparable(field);
    if (next !== field) changed = true;
    converted[key] = next;
  }
  return changed ? converted : value;
}
