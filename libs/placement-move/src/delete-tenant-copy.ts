import { TENANT_ID_FIELD, tenantOwnedCollectionOf } from '@tenantpay/data-isolation';
import type { Connection, Types } from 'mongoose';

/**
 * Deletes every document of the tenant in the given collections of one placement: the target's partial copy
 * when a move fails before its switch, the source's old copy once the retention period after a switch is over.
 * Returns the number deleted per collection.
 */
export async function deleteTenantCopy(
  connection: Connection,
  tenantId: Types.ObjectId,
  collections: readonly string[],
): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const name of collections) {
    const result = await tenantOwnedCollectionOf(connection, name).deleteMany({
      [TENANT_ID_FIELD]: tenantId,
    });
    deleted[name] = result.deletedCount;
  }
  return deleted;
}
