import { TENANT_ID_FIELD, tenantOwnedCollectionOf } from '@tenantpay/data-isolation';
import { BSON } from 'mongodb';
import type { mongo } from 'mongoose';

import { MoveDeadline } from './move-deadline';
import type { TenantCopyScope } from './tenant-copy-scope';
import { idKey, tenantDocumentsAmong } from './tenant-documents-among';

/**
 * Deletes from the target the tenant's documents the source no longer has: hard deletes leave no `updatedAt`
 * behind for a catch-up pass to find, so they are found by comparing id sets. Both sides' ids are read in `_id`
 * order and merged (one scan of each, one batch of vanished ids in memory): looking each batch of target ids up
 * on the source instead costs a query per batch, which made a 100k-document pass take minutes on the test
 * engine. The merge needs ids whose order it can reproduce; ObjectIds (what every tenant-owned schema uses)
 * compare by their 12 bytes, exactly as MongoDB orders them. A collection with other id types falls back to the
 * per-batch lookup. Returns the number of documents deleted.
 */
export async function removeVanishedDocuments(
  scope: TenantCopyScope,
  collection: string,
  deadline: MoveDeadline = MoveDeadline.none,
): Promise<number> {
  const merged = await removeByMerge(scope, collection, deadline);
  return merged ?? removeByLookup(scope, collection, deadline);
}

/** The merge; undefined when an id is not an ObjectId (nothing wrongly deleted: see the caller). */
async function removeByMerge(
  scope: TenantCopyScope,
  collection: string,
  deadline: MoveDeadline,
): Promise<number | undefined> {
  const target = tenantOwnedCollectionOf(scope.target, collection);
  const sourceIds = idsInOrder(scope, tenantOwnedCollectionOf(scope.source, collection));
  const targetIds = idsInOrder(scope, target);
  let vanished: BSON.ObjectId[] = [];
  let removed = 0;
  let read = 0;
  const flush = async (): Promise<void> => {
    if (vanished.length === 0) return;
    deadline.check();
    removed += (await target.deleteMany(tenantDocumentsAmong(scope, vanished))).deletedCount;
    vanished = [];
  };
  try {
    let sourceId = await nextObjectId(sourceIds);
    for await (const document of targetIds) {
      const targetId: unknown = document['_id'];
      // Another id type ends the merge: what it deleted so far was compared against all the source's ObjectIds
      // (contiguous in BSON order), so it was right; the lookup finishes the job.
      if (!(targetId instanceof BSON.ObjectId) || sourceId === null) return undefined;
      read += 1;
      if (read % scope.batchSize === 0) deadline.check();
      while (sourceId !== undefined && sourceId !== null && compare(sourceId, targetId) < 0)
        sourceId = await nextObjectId(sourceIds);
      if (sourceId === null) return undefined;
      if (sourceId !== undefined && compare(sourceId, targetId) === 0) {
        sourceId = await nextObjectId(sourceIds);
        continue;
      }
      vanished.push(targetId);
      if (vanished.length >= scope.batchSize) await flush();
    }
    await flush();
    return removed;
  } finally {
    await Promise.all([sourceIds.close(), targetIds.close()]);
  }
}

/** The next id, undefined at the end, null if it is not an ObjectId. */
async function nextObjectId(
  cursor: mongo.FindCursor<mongo.Document>,
): Promise<BSON.ObjectId | null | undefined> {
  const document = await cursor.next();
  if (document === null) return undefined;
  const id: unknown = document['_id'];
  return id instanceof BSON.ObjectId ? id : null;
}

function compare(a: BSON.ObjectId, b: BSON.ObjectId): number {
  return Buffer.compare(Buffer.from(a.id), Buffer.from(b.id));
}

function idsInOrder(scope: TenantCopyScope, collection: mongo.Collection): mongo.FindCursor<mongo.Document> {
  return collection
    .find({ [TENANT_ID_FIELD]: scope.tenantId }, { projection: { _id: 1 }, batchSize: scope.batchSize })
    .sort({ _id: 1 });
}

/** Any id type: each batch of the target's ids is looked up on the source. */
async function removeByLookup(
  scope: TenantCopyScope,
  collection: string,
  deadline: MoveDeadline,
): Promise<number> {
  const source = tenantOwnedCollectionOf(scope.source, collection);
  const target = tenantOwnedCollectionOf(scope.target, collection);
  const cursor = idsInOrder(scope, target);
  let batch: unknown[] = [];
  let removed = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    deadline.check();
    const kept = await source.find(tenantDocumentsAmong(scope, batch), { projection: { _id: 1 } }).toArray();
    const keptIds = new Set(kept.map((document) => idKey(document['_id'])));
    const vanished = batch.filter((id) => !keptIds.has(idKey(id)));
    if (vanished.length > 0)
      removed += (await target.deleteMany(tenantDocumentsAmong(scope, vanished))).deletedCount;
    batch = [];
  };
  try {
    for await (const document of cursor) {
      batch.push(document['_id']);
      if (batch.length >= scope.batchSize) await flush();
    }
    await flush();
  } finally {
    await cursor.close();
  }
  return removed;
}
