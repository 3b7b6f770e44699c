/**
 * How the pipeline rewriter classifies the collections a pipeline joins: tenant-owned ones get the tenant
 * condition injected, shared ones (reference data such as currencies) are joined as they are, and anything
 * else is refused, so a new collection is isolated by default rather than readable by default.
 */
export interface CollectionRegistry {
  isTenantOwned(collection: string): boolean;
  isShared(collection: string): boolean;
}

export function staticCollectionRegistry(
  tenantOwned: Iterable<string>,
  shared: Iterable<string> = [],
): CollectionRegistry {
  const owned = new Set(tenantOwned);
  const sharedSet = new Set(shared);
  return {
    isTenantOwned: (collection) => owned.has(collection),
    isShared: (collection) => !owned.has(collection) && sharedSet.has(collection),
  };
}
