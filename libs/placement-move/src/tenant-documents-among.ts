import { TENANT_ID_FIELD } from '@tenantpay/data-isolation';
import { BSON } from 'mongodb';
import type { mongo } from 'mongoose';

import type { TenantCopyScope } from './tenant-copy-scope';

/** Ids are whatever BSON type the collection uses, hence the cast from the driver's ObjectId-only typing. */
export function tenantDocumentsAmong(
  scope: TenantCopyScope,
  ids: readonly unknown[],
): mongo.Filter<mongo.Document> {
  return { [TENANT_ID_FIELD]: scope.tenantId, _id: { $in: ids } } as mongo.Filter<mongo.Document>;
}

/** A key equal for equal ids of any BSON type (ObjectIds compare by value, not by object identity). */
export function idKey(id: unknown): string {
  return BSON.EJSON.stringify({ id }, { relaxed: false });
}
