import { TENANT_ID_FIELD, tenantOwnedCollectionOf } from '@tenantpay/data-isolation';
import type { mongo } from 'mongoose';

import { MoveDeadline } from './move-deadline';
import type { TenantCopyScope } from './tenant-copy-scope';

/**
 * Copies the tenant's documents of one collection that match `selection` (all of them on the first pass, the
 * recently changed ones on a catch-up pass) from source to target, one batch in memory at a time. Each document
 * replaces the target's document of the same `_id` whole (upsert), so a pass can be repeated, or resumed after a
 * crash, and a document changed between passes simply arrives again. Soft-deleted documents are copied like any
 * other: a soft delete is an update. Returns the number of documents written.
 */
export async function copyTenantDocuments(
  scope: TenantCopyScope,
  collection: string,
  selection: mongo.Filter<mongo.Document> = {},
  deadline: MoveDeadline = MoveDeadline.none,
): Promise<number> {
  const filter = { ...selection, [TENANT_ID_FIELD]: scope.tenantId };
  const cursor = tenantOwnedCollectionOf(scope.source, collection)
    .find(filter, { batchSize: scope.batchSize })
    .sort({ _id: 1 });
  const target = tenantOwnedCollectionOf(scope.target, collection);
  let batch: mongo.Document[] = [];
  let written = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    deadline.check();
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
      batch.push(document);
      if (batch.length >= scope.batchSize) await flush();
    }
    await flush();
  } finally {
    await cursor.close();
  }
  return written;
}
