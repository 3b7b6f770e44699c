import type { TenantShardKey } from './tenant-shard-key';

/**
 * The shard key each tenant-owned collection declared in this process (filled by tenantOwnedSchema as schemas
 * are built): what `npm run db:shard` shards, and what the targeting test checks queries against.
 */
const declared = new Map<string, TenantShardKey>();

export function registerTenantShardKey(collection: string, shardKey: TenantShardKey): void {
  const earlier = declared.get(collection);
  if (earlier !== undefined && JSON.stringify(earlier) !== JSON.stringify(shardKey)) {
    throw new Error(`Collection ${collection} declares two different shard keys`);
  }
  declared.set(collection, shardKey);
}

/** Every declared shard key, by collection name, sorted by name. */
export function tenantShardKeys(): ReadonlyMap<string, TenantShardKey> {
  return new Map([...declared].sort(([a], [b]) => a.localeCompare(b)));
}
