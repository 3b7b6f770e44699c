import { TENANT_ID_FIELD, tenantOwnedCollectionOf } from '@tenantpay/data-isolation';
import type { Connection } from 'mongoose';

import { changedSinceFilter } from './changed-since-filter';
import { copyTenantDocuments } from './copy-tenant-documents';
import { MoveDeadline } from './move-deadline';
import { removeVanishedDocuments } from './remove-vanished-documents';
import type { TenantCopyScope } from './tenant-copy-scope';

/**
 * When a pass looks for hard deletes by merging both sides' id sets (removeVanishedDocuments: one scan of each,
 * as long as the tenant is large). After a pass's copy the target holds every source document, so the target
 * holding more documents than the source proves deletes, and equal counts while frozen prove there are none.
 * - `when-target-holds-more`: unfrozen passes; inserts made while the pass runs can make the source look
 *   larger and hide a delete, which the frozen counts then catch;
 * - `always`: the pass after a freeze whose counts showed deletes;
 * - `never`: the frozen pass, which only counts (the runner hands deletes back to an unfrozen pass).
 */
export type HardDeleteSearch = 'when-target-holds-more' | 'always' | 'never';

/** What one catch-up pass over one collection changed on the target, and the counts it ended with. */
export interface CatchUpDelta {
  readonly copied: number;
  readonly removed: number;
  /** The tenant's documents on each side after the pass (while frozen: what the switch is judged by). */
  readonly sourceCount: number;
  readonly targetCount: number;
}

/**
 * Brings the target's copy of one collection up to date with the changes made since `since`: documents
 * inserted or updated since then (changedSinceFilter, served by an index), then hard deletes, which leave
 * nothing to select by date (see HardDeleteSearch). `since` must already include the allowance for clock skew.
 */
export async function catchUpTenantCollection(
  scope: TenantCopyScope,
  collection: string,
  since: Date,
  deadline: MoveDeadline = MoveDeadline.none,
  hardDeletes: HardDeleteSearch = 'when-target-holds-more',
): Promise<CatchUpDelta> {
  const copied = await copyTenantDocuments(
    scope,
    collection,
    changedSinceFilter(scope.tenantId, since),
    deadline,
  );
  let counts = await countBoth(scope, collection);
  const search =
    hardDeletes === 'always' ||
    (hardDeletes === 'when-target-holds-more' && counts.targetCount > counts.sourceCount);
  if (!search) return { copied, removed: 0, ...counts };
  const removed = await removeVanishedDocuments(scope, collection, deadline);
  counts = await countBoth(scope, collection);
  return { copied, removed, ...counts };
}

async function countBoth(
  scope: TenantCopyScope,
  collection: string,
): Promise<{ sourceCount: number; targetCount: number }> {
  const [sourceCount, targetCount] = await Promise.all([
    countTenantDocuments(scope.source, collection, scope),
    countTenantDocuments(scope.target, collection, scope),
  ]);
  return { sourceCount, targetCount };
}

/**
 * The `count` command (the driver's deprecated `count`) rather than countDocuments, an aggregation that reads
 * every document: a filter on `tenantId` alone is answered from a tenant-first index's keys (mongod's
 * COUNT_SCAN, and the test engine's), no document fetched, which is what lets the frozen check count a large
 * tenant within the freeze bound. Exact outside transactions and on an unsharded collection, which is where the
 * mover counts (on a sharded cluster the command can count orphans during a chunk migration: the check then
 * fails safe, thawed).
 */
async function countTenantDocuments(
  connection: Connection,
  collection: string,
  scope: TenantCopyScope,
): Promise<number> {
  return tenantOwnedCollectionOf(connection, collection).count({ [TENANT_ID_FIELD]: scope.tenantId });
}
