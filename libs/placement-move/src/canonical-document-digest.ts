import { createHash } from 'node:crypto';

import { BSON } from 'mongodb';

/**
 * SHA-256 of a document's canonical BSON: the BSON of the document with the keys of every embedded plain
 * object sorted, so two copies that hold the same values digest alike even if a driver or server reordered
 * fields. Values keep their BSON types (an Int32 5 and a Double 5 differ, as they do for the application).
 */
export function canonicalDocumentDigest(document: Readonly<Record<string, unknown>>): Buffer {
  return createHash('sha256')
    .update(BSON.serialize(withSortedKeys(document) as BSON.Document))
    .digest();
}

function withSortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSortedKeys);
  if (!isPlainObject(value)) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = withSortedKeys(value[key]);
  return sorted;
}

/** BSON values (ObjectId, Date, Decimal128, Binary, …) are class instances and stay as they are. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
