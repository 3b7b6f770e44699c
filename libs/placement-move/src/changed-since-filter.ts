import { TENANT_ID_FIELD } from '@tenantpay/data-isolation';
import type { mongo, Types } from 'mongoose';

/** Field every tenant-owned schema's timestamps maintain on every insert and update (soft deletes included). */
export const UPDATED_AT_FIELD = 'updatedAt';

/**
 * The tenant's documents written since `since` (by `updatedAt`), plus those without an `updatedAt` (a write that
 * bypassed timestamps is then re-read on every pass, never missed). Each branch names the tenant so that both
 * are served by the `{ tenantId: 1, updatedAt: 1 }` index (see ensureChangedSinceIndex): a pass reads what
 * changed, not the whole tenant. `since` must already include the allowance for clock skew.
 */
export function changedSinceFilter(tenantId: Types.ObjectId, since: Date): mongo.Filter<mongo.Document> {
  return {
    $or: [
      { [TENANT_ID_FIELD]: tenantId, [UPDATED_AT_FIELD]: { $gte: since } },
      { [TENANT_ID_FIELD]: tenantId, [UPDATED_AT_FIELD]: null },
    ],
  };
}
