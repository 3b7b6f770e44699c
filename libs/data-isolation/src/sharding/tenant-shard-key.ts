/**
 * How a tenant-owned collection is split across the shards of a sharded cluster, declared beside its schema
 * with the reason for it. `key` starts with `tenantId` (ranged, so every tenant query is targeted to the
 * shards holding that tenant, and a tenant's range can be pinned to a zone for data residency), and it must be
 * a prefix of every unique index of the collection (MongoDB enforces uniqueness per shard only otherwise).
 * `unsharded` keeps the collection whole on the database's primary shard.
 */
export type TenantShardKey =
  | { readonly key: Readonly<Record<string, 1>>; readonly reason: string }
  | { readonly unsharded: true; readonly reason: string };
