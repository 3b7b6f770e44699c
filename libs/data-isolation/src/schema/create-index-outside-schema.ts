import type { Model } from 'mongoose';

export interface IndexOutsideSchema {
  readonly key: Record<string, 1 | -1>;
  readonly options: Record<string, unknown>;
}

/**
 * Creates one of the few indexes a tenant-owned schema may not declare because it does not start with
 * `tenantId` (see assertTenantFirstIndex): a TTL index (MongoDB allows TTL only on a single field) or a unique
 * index whose values name their tenant themselves (an API key's hash). Each one is justified where its spec is
 * declared. Here, so that no library outside data-isolation reaches the raw collection.
 */
export async function createIndexOutsideSchema<T>(model: Model<T>, index: IndexOutsideSchema): Promise<void> {
  await model.collection.createIndex(index.key, index.options);
}
