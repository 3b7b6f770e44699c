import { TENANT_ID_FIELD, tenantOwnedCollectionOf } from '@tenantpay/data-isolation';
import type { mongo, Types } from 'mongoose';

import { MoveDeadline } from './move-deadline';
import type { TenantCopyScope } from './tenant-copy-scope';

/**
 * Copies the tenant's documents of one collection that match `selection` (all of them on the first pass, the
 * recently changed ones on a catch-up pass: changedSinceFilter) from source to target, one batch in memory at a
 * time. The selection must name the tenant itself and is sent as it is: a `tenantId` condition added beside
 * changedSinceFilter's `$or` let the planner serve it from a tenant-first index in `_id` order, reading every
 * document of the tenant (1.5-1.9 s for 20 changed documents of a 100k tenant on the test engine) instead of the
 * branches' own index ranges. A document of another tenant stops the copy. Each document replaces the target's
 * document of the same `_id` whole (upsert), so a pass can be repeated, or resumed after a crash, and a
 * document changed between passes simply arrives again. Soft-deleted documents are copied like any other: a
 * soft delete is an update. `beforeEachBatch` runs before each batch is written and may throw to stop the copy
 * there (the runner's cancel check, so a cancel need not wait for the whole collection). Returns the number of
 * documents written.
 */
export async function copyTenantDocuments(
  scope: TenantCopyScope,
  collection: string,
  selection: mongo.Filter<mongo.Document> = { [TENANT_ID_FIELD]: scope.tenantId },
  deadline: MoveDeadline = MoveDeadline.none,
  beforeEachBatch: () => Promise<void> = async () => undefined,
): Promise<number> {
  const cursor = tenantOwnedCollectionOf(scope.source, collection)
    .find(selection, { batchSize: scope.batchSize })
    .sort({ _id: 1 });
  const target = tenantOwnedCollectionOf(scope.target, collection);
  let batch: mongo.Document[] = [];
  let written = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    deadline.check();
    await beforeEachBatch();
    await target.bulkWrite(
      batch.map((document) => ({
        replaceOne: {
          filter: { _id: document['_id'], [TENANT_ID_FIELD]: scope.tenantId },
          replacement: document,
          upsert: true,
        },
      })),
      { ordered: false },
    );
    written += batch.length;
    batch = [];
  };
  try {
    for await (const document of cursor) {
      if (!scope.tenantId.equals(document[TENANT_ID_FIELD] as Types.ObjectId))
        throw new Error(`The copy of ${collection} selected a document of another tenant`);
      batch.push(document);
      if (batch.length >= scope.batchSize) await flush();
    }
    await flush();
  } finally {
    await cursor.close();
  }
  return written;
}
