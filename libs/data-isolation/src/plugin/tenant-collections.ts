import type { Connection } from 'mongoose';
import { isTenantOwnedSchema } from '../schema/tenant-owned-schema';

/** The collections of a connection whose models were built with tenantOwnedSchema. */
export function tenantOwnedCollections(connection: Connection): Set<string> {
  const collections = new Set<string>();
  for (const model of Object.values(connection.models)) {
    if (isTenantOwnedSchema(model.schema)) collections.add(model.collection.collectionName);
  }
  return collections;
}
