import type { Document } from 'bson';

/**
 * Deep copy of plain documents and arrays. BSON value objects (ObjectId, Decimal128, Binary...) are
 * immutable in practice and keep their class, which structuredClone would strip.
 */
export function cloneValue<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneValue) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Document = {};
  for (const [key, field] of Object.entries(value)) copy[key] = cloneValue(field);
  return copy as T;
}
