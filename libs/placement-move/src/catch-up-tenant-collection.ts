import { TENANT_ID_FIELD, tenantOwnedCollectionOf } from '@tenantpay/data-isolation';
import type { Connection } from 'mongoose';

import { changedSinceFilter } from './changed-since-filter';
import { copyTenantDocuments } from './copy-tenant-documents';
import { MoveDeadline } from './move-deadline';
import { removeRecordedDeletions } from './remove-recorded-deletions';
import { removeVanishedDocuments } from './remove-vanished-documents';
import type { TenantCopyScope } from './tenant-copy-scope';

/**
 * Whether a pass also looks for hard deletes nobody recorded (a TTL index's expiry, a delete outside the
 * repository): both sides are counted (after a pass's copy the target holds every source document, so the target
 * holding more proves deletes) and, when the target holds more, both id sets are merged (removeVanishedDocuments:
 * one scan of each, as long as the tenant is large). `when-target-holds-more` on unfrozen passes; `never` on the
 * frozen pass, whose work must not grow with the tenant (see TenantMoveRunner for why it needs neither).
 */
export type UnrecordedDeleteSearch = 'when-target-holds-more' | 'never';

/** The tenant's documents on each side, counted after an unfrozen pass. */
export interface TenantCounts {
  readonly sourceCount: number;
  readonly targetCount: number;
}

/** What one catch-up pass over one collection changed on the target. */
export interface CatchUpDelta {
  readonly copied: number;
  readonly removed: number;
  /** The recorded deletions now made on the target too (the ledger may forget them). */
  readonly madeDeletions: readonly unknown[];
  /** Undefined when the pass did not count (the frozen one). */
  readonly counts: TenantCounts | undefined;
}

/**
 * Brings the target's copy of one collection up to date with the changes made since `since`: documents
 * inserted or updated since then (changedSinceFilter, served by an index), then the hard deletes recorded in
 * the move's ledger (`recordedDeletions`: this collection's ids, see removeRecordedDeletions), then, unfrozen,
 * hard deletes nobody recorded (see UnrecordedDeleteSearch). `since` must already include the allowance for
 * clock skew.
 */
export async function catchUpTenantCollection(
  scope: TenantCopyScope,
  collection: string,
  since: Date,
  recordedDeletions: readonly unknown[],
  deadline: MoveDeadline = MoveDeadline.none,
  unrecordedDeletes: UnrecordedDeleteSearch = 'when-target-holds-more',
): Promise<CatchUpDelta> {
  const copied = await copyTenantDocuments(
    scope,
    collection,
    changedSinceFilter(scope.tenantId, since),
    deadline,
  );
  const recorded = await removeRecordedDeletions(scope, collection, recordedDeletions, deadline);
  const delta = { copied, removed: recorded.removed, madeDeletions: recorded.made };
  if (unrecordedDeletes === 'never') return { ...delta, counts: undefined };
  const counts = await countBoth(scope, collection);
  if (counts.targetCount <= counts.sourceCount) return { ...delta, counts };
  const vanished = await removeVanishedDocuments(scope, collection, deadline);
  return { ...delta, removed: delta.removed + vanished, counts: await countBoth(scope, collection) };
}

async function countBoth(scope: TenantCopyScope, collection: string): Promise<TenantCounts> {
  const [sourceCount, targetCount] = await Promise.all([
    countTenantDocuments(scope.source, collection, scope),
    countTenantDocuments(scope.target, collection, scope),
  ]);
  return { sourceCount, targetCount };
}

/**
 * The `count` command (the driver's deprecated `count`) rather than countDocuments, an aggregation that reads
 * every document: a filter on `tenantId` alone is answered from a tenant-first index's keys (mongod's
 * COUNT_SCAN, and the test engine's), no document fetched. Still one index key read per document, so only
 * unfrozen passes count. Exact outside transactions and on an unsharded collection, which is where the
 * mover counts (on a sharded cluster the command can count orphans during a chunk migration).
 */
async function countTenantDocuments(
  connection: Connection,
  collection: string,
  scope: TenantCopyScope,
): Promise<number> {
  return tenantOwnedCollectionOf(connection, collection).count({ [TENANT_ID_FIELD]: scope.tenantId });
}
