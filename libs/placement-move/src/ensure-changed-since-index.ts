import { TENANT_ID_FIELD, tenantOwnedCollectionOf } from '@tenantpay/data-isolation';
import type { Connection } from 'mongoose';

import { UPDATED_AT_FIELD } from './changed-since-filter';

/** The index a move builds on its source when the collection has no plain `{ tenantId: 1, updatedAt: 1 }`. */
export const CHANGED_SINCE_INDEX_NAME = 'placement_move_changed_since';

/** Error code of listIndexes on a collection that does not exist. */
const NAMESPACE_NOT_FOUND = 26;

const KEY = { [TENANT_ID_FIELD]: 1, [UPDATED_AT_FIELD]: 1 } as const;

/**
 * Makes the source serve "what changed since" from an index, so a catch-up pass and the frozen check read the
 * documents written since the previous pass rather than every document of the tenant: without it, the work
 * done while writes are frozen grows with the tenant. Built before the indexes are copied (so the target gets
 * it too, ready for the tenant's next move) and left in place after the move, so a later move reuses it; its
 * cost is one more index entry per write of the collection. A partial or sparse index with the same key does
 * not count: it does not hold every document. Returns whether it was built now.
 */
export async function ensureChangedSinceIndex(source: Connection, collection: string): Promise<boolean> {
  const documents = tenantOwnedCollectionOf(source, collection);
  let existing: Record<string, unknown>[];
  try {
    existing = await documents.listIndexes().toArray();
  } catch (error) {
    // No collection yet: nothing to scan, and one created during the move holds only what the move saw written.
    if ((error as { code?: unknown }).code === NAMESPACE_NOT_FOUND) return false;
    throw error;
  }
  const usable = existing.some(
    (index) =>
      JSON.stringify(index['key']) === JSON.stringify(KEY) &&
      index['partialFilterExpression'] === undefined &&
      index['sparse'] !== true,
  );
  if (usable) return false;
  await documents.createIndex(KEY, { name: CHANGED_SINCE_INDEX_NAME });
  return true;
}
