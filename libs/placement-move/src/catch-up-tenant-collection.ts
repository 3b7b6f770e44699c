import type { mongo } from 'mongoose';

import { copyTenantDocuments } from './copy-tenant-documents';
import { MoveDeadline } from './move-deadline';
import { removeVanishedDocuments } from './remove-vanished-documents';
import type { TenantCopyScope } from './tenant-copy-scope';

/** What one catch-up pass over one collection changed on the target. */
export interface CatchUpDelta {
  readonly copied: number;
  readonly removed: number;
}

/** Field every tenant-owned schema's timestamps maintain on every insert and update (soft deletes included). */
const UPDATED_AT = 'updatedAt';

/**
 * Brings the target's copy of one collection up to date with the changes made since `since`: documents
 * inserted or updated since then (by `updatedAt`; a document without one is copied on every pass, so a write
 * that bypassed timestamps is never missed), then hard deletes (by id sets). `since` must already include the
 * allowance for clock skew between the instances that stamp `updatedAt` and the mover.
 */
export async function catchUpTenantCollection(
  scope: TenantCopyScope,
  collection: string,
  since: Date,
  deadline: MoveDeadline = MoveDeadline.none,
): Promise<CatchUpDelta> {
  const changed: mongo.Filter<mongo.Document> = {
    $or: [{ [UPDATED_AT]: { $gte: since } }, { [UPDATED_AT]: { $exists: false } }],
  };
  const copied = await copyTenantDocuments(scope, collection, changed, deadline);
  const removed = await removeVanishedDocuments(scope, collection, deadline);
  return { copied, removed };
}
