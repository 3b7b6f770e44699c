import { tenantOwnedCollectionOf } from '@tenantpay/data-isolation';
import type { Connection } from 'mongoose';

/** Error code of listIndexes on a collection that does not exist (the tenant never wrote to it). */
const NAMESPACE_NOT_FOUND = 26;

/** Index fields that describe the index on its server rather than the index a target should have. */
const SERVER_FIELDS = new Set(['v', 'ns', 'key']);

/**
 * Builds on the target every index of the source collection (same keys, name and options: uniqueness, partial
 * filters, TTLs), before any document is copied: a unique index then refuses a duplicate during the copy
 * instead of failing to build afterwards, and queries on the target are served by their indexes from the
 * switch on. Creating an index the target already has with the same definition is a no-op; a conflicting
 * definition fails the move before anything is copied. Returns the names of the indexes built.
 */
export async function copyCollectionIndexes(
  source: Connection,
  target: Connection,
  collection: string,
): Promise<string[]> {
  const indexes = await listIndexes(source, collection);
  const built: string[] = [];
  for (const index of indexes) {
    if (index['name'] === '_id_') continue;
    const options = Object.fromEntries(Object.entries(index).filter(([field]) => !SERVER_FIELDS.has(field)));
    await tenantOwnedCollectionOf(target, collection).createIndex(
      index['key'] as Record<string, 1 | -1>,
      options,
    );
    built.push(String(index['name']));
  }
  return built;
}

async function listIndexes(connection: Connection, collection: string): Promise<Record<string, unknown>[]> {
  try {
    return (await tenantOwnedCollectionOf(connection, collection).listIndexes().toArray()) as Record<
      string,
      unknown
    >[];
  } catch (error) {
    if ((error as { code?: unknown }).code === NAMESPACE_NOT_FOUND) return [];
    throw error;
  }
}
