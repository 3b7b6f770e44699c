import { TENANT_ID_FIELD, tenantOwnedCollectionOf } from '@tenantpay/data-isolation';
import type { Connection, Types } from 'mongoose';

import { CollectionChecksum } from './collection-checksum';
import type { CollectionVerification } from './collection-verification';
import { MoveDeadline } from './move-deadline';
import type { TenantCopyScope } from './tenant-copy-scope';

/**
 * Counts and checksums the tenant's documents of one collection on both placements (every document,
 * soft-deleted ones included, each whole): equal sets of documents give equal results whatever order the
 * servers return them in.
 */
export async function verifyTenantCollection(
  scope: TenantCopyScope,
  collection: string,
  deadline: MoveDeadline = MoveDeadline.none,
): Promise<CollectionVerification> {
  const source = await checksumOf(scope.source, collection, scope.tenantId, scope.batchSize, deadline);
  const target = await checksumOf(scope.target, collection, scope.tenantId, scope.batchSize, deadline);
  return {
    collection,
    sourceCount: source.count,
    targetCount: target.count,
    sourceChecksum: source.digest,
    targetChecksum: target.digest,
    matches: source.count === target.count && source.digest === target.digest,
  };
}

async function checksumOf(
  connection: Connection,
  collection: string,
  tenantId: Types.ObjectId,
  batchSize: number,
  deadline: MoveDeadline,
): Promise<CollectionChecksum> {
  const checksum = new CollectionChecksum();
  const cursor = tenantOwnedCollectionOf(connection, collection).find(
    { [TENANT_ID_FIELD]: tenantId },
    { batchSize },
  );
  try {
    for await (const document of cursor) {
      if (checksum.count % batchSize === 0) deadline.check();
      checksum.add(document);
    }
  } finally {
    await cursor.close();
  }
  return checksum;
}
