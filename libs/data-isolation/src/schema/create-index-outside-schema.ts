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
export async function createIndexOutsideSchema(
  model: Pick<Model<unknown>, 'collection' | 'modelName'>,
  index: IndexOutsideSchema,
): Promise<void> {
  const known = indexesOutsideSchema.get(model.modelName) ?? [];
  if (!known.includes(index)) indexesOutsideSchema.set(model.modelName, [...known, index]);
  await model.collection.createIndex(index.key, index.options);
}

/**
 * The indexes created so far, by model name, so a placement connection opened later gets them too (see
 * PlacementModels): they are created at module start on the shared connection only.
 */
const indexesOutsideSchema = new Map<string, readonly IndexOutsideSchema[]>();

export function indexesOutsideSchemaOf(modelName: string): readonly IndexOutsideSchema[] {
  return indexesOutsideSchema.get(modelName) ?? [];
}
