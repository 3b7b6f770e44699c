import { TENANT_ID_FIELD, UPDATED_AT_FIELD } from '@tenantpay/data-isolation';
import { BSON } from 'mongodb';
import type { mongo, Types } from 'mongoose';

/**
 * The tenant's documents written since `since`: updated since (by `updatedAt`), inserted since (by the time in
 * their ObjectId, which the server assigns at the insert: the repository accepts no caller's `_id`, so an insert
 * stamped with an old `updatedAt` is still found), or without an `updatedAt` (a write that bypassed timestamps is
 * then re-read on every pass, never missed). Each branch names the tenant so that each is served by an index
 * tenantOwnedSchema declares (`{ tenantId: 1, updatedAt: 1 }`, `{ tenantId: 1, _id: 1 }`): a pass reads what
 * changed, not the whole tenant. `since` must already include the allowance for clock skew.
 */
export function changedSinceFilter(tenantId: Types.ObjectId, since: Date): mongo.Filter<mongo.Document> {
  return {
    $or: [
      { [TENANT_ID_FIELD]: tenantId, [UPDATED_AT_FIELD]: { $gte: since } },
      { [TENANT_ID_FIELD]: tenantId, _id: { $gte: firstObjectIdAt(since) } },
      { [TENANT_ID_FIELD]: tenantId, [UPDATED_AT_FIELD]: null },
    ],
  };
}

/** Whether an ObjectId `_id` was issued at or after `since` (to the second, as ObjectIds keep time). */
export function insertedSince(id: unknown, since: Date): boolean {
  return (
    id instanceof BSON.ObjectId && id.getTimestamp().getTime() >= Math.floor(since.getTime() / 1000) * 1000
  );
}

/** The smallest ObjectId of the second `since` falls in (ObjectIds hold whole seconds). */
function firstObjectIdAt(since: Date): BSON.ObjectId {
  return BSON.ObjectId.createFromTime(Math.floor(since.getTime() / 1000));
}
