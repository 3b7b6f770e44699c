import { tenantOwnedCollectionOf } from '@tenantpay/data-isolation';

import { MoveDeadline } from './move-deadline';
import type { TenantCopyScope } from './tenant-copy-scope';
import { idKey, tenantDocumentsAmong } from './tenant-documents-among';

/** What applying one collection's recorded hard deletes did. */
export interface RecordedDeletionsApplied {
  /** Documents deleted from the target. */
  readonly removed: number;
  /** The recorded ids the source no longer holds: now gone from the target too, so the record may forget them. */
  readonly made: readonly unknown[];
}

/**
 * Deletes from the target the documents the tenant's hard deletes recorded (the move's ledger, see
 * AdmittedWrite.recordDeletions) once the source no longer holds them. A deletion is recorded before it is
 * made, so a recorded document the source still holds (its delete under way, or failed) is kept on the target
 * and left recorded for a later pass: the ledger is a list of candidates, never trusted to delete a document
 * the source has. One lookup of the recorded ids on the source and one delete on the target per batch: work
 * proportional to the deletions recorded, not to the tenant.
 */
export async function removeRecordedDeletions(
  scope: TenantCopyScope,
  collection: string,
  recorded: readonly unknown[],
  deadline: MoveDeadline = MoveDeadline.none,
): Promise<RecordedDeletionsApplied> {
  const source = tenantOwnedCollectionOf(scope.source, collection);
  const target = tenantOwnedCollectionOf(scope.target, collection);
  let removed = 0;
  const made: unknown[] = [];
  for (let start = 0; start < recorded.length; start += scope.batchSize) {
    deadline.check();
    const batch = recorded.slice(start, start + scope.batchSize);
    const kept = await source
      .find(tenantDocumentsAmong(scope, batch), { projection: { _id: 1 }, hint: { _id: 1 } })
      .toArray();
    const keptIds = new Set(kept.map((document) => idKey(document['_id'])));
    const gone = batch.filter((id) => !keptIds.has(idKey(id)));
    if (gone.length === 0) continue;
    removed += (await target.deleteMany(tenantDocumentsAmong(scope, gone))).deletedCount;
    made.push(...gone);
  }
  return { removed, made };
}
