import type { Document } from 'bson';
import { canonicalKey } from './canonical-key';

/** The key of the `_id` map: equal `_id` values (ObjectId by value, 1 and 1.0) give the same key. */
export function idKeyOf(document: Document): string {
  return canonicalKey(document['_id']);
}
