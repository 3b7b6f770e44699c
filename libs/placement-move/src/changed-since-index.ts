import { TENANT_ID_FIELD, tenantOwnedCollectionOf, UPDATED_AT_FIELD } from '@tenantpay/data-isolation';
import type { Connection } from 'mongoose';

/** Error code of listIndexes on a collection that does not exist. */
const NAMESPACE_NOT_FOUND = 26;

const KEY = { [TENANT_ID_FIELD]: 1, [UPDATED_AT_FIELD]: 1 } as const;

/**
 * Refuses to move a collection whose source lacks a plain `{ tenantId: 1, updatedAt: 1 }` index. Every
 * tenant-owned schema declares it (tenantOwnedSchema), so only a database whose declared indexes were not built
 * lacks it (production builds them as a step before the deploy, `npm run db:indexes`). Without it every catch-up
 * pass, the frozen one included, would scan the whole tenant for what changed, and the freeze would grow with
 * the tenant; building it here instead would be a schema change outside that step. A partial or sparse index
 * with the same key does not count: it does not hold every document. A collection that does not exist yet holds
 * nothing to scan (one created during the move gets the declared indexes then).
 */
export async function assertChangedSinceIndex(source: Connection, collection: string): Promise<void> {
  let existing: Record<string, unknown>[];
  try {
    existing = await tenantOwnedCollectionOf(source, collection).listIndexes().toArray();
  } catch (error) {
    if ((error as { code?: unknown }).code === NAMESPACE_NOT_FOUND) return;
    throw error;
  }
  const usable = existing.some(
    (index) =>
      JSON.stringify(index['key']) === JSON.stringify(KEY) &&
      index['partialFilterExpression'] === undefined &&
      index['sparse'] !== true,
  );
  if (!usable)
    throw new Error(
      `${collection} has no { tenantId: 1, updatedAt: 1 } index on the source: build the declared indexes (npm run db:indexes) before moving`,
    );
}
