/**
 * Every Redis key and channel of the tenant lookup cache, in one place. Keys are `tenant:<kind>:<value>`
 * with one kind per way a tenant is looked up, so an invalidation can name each of them; the format
 * version lets a deployment that changes the cached snapshot's shape ignore the previous one's entries.
 */
const TENANT_CACHE_FORMAT = 'v1';

export const TENANT_CACHE_KEY_KINDS = [
  'id',
  'slug',
  'domain',
  'api-key',
  'api-key-in-process',
  'user',
  'platform-user',
  'session',
] as const;
export type TenantCacheKeyKind = (typeof TENANT_CACHE_KEY_KINDS)[number];

export function tenantCacheKey(kind: TenantCacheKeyKind, value: string): string {
  return `tenant:${TENANT_CACHE_FORMAT}:${kind}:${value}`;
}

export const tenantCacheKeys = {
  byId: (tenantId: string): string => tenantCacheKey('id', tenantId),
  bySlug: (slug: string): string => tenantCacheKey('slug', slug),
  byDomain: (hostname: string): string => tenantCacheKey('domain', hostname),
  /** For identity's API-key lookups: the value is the key's hash, never the key itself. */
  byApiKeyHash: (apiKeyHash: string): string => tenantCacheKey('api-key', apiKeyHash),
  /**
   * For identity's in-process level in front of that Redis entry: a key of its own, so the invalidation's
   * tombstone never overwrites the Redis entry (a revocation's tombstone among them).
   */
  byApiKeyHashInProcess: (apiKeyHash: string): string => tenantCacheKey('api-key-in-process', apiKeyHash),
  /** For identity's in-process cache of whether a tenant user may act, and as what. */
  byUser: (tenantId: string, userId: string): string => tenantCacheKey('user', `${tenantId}:${userId}`),
  /** For identity's in-process cache of whether a platform operator may act (they belong to no tenant). */
  byPlatformUser: (userId: string): string => tenantCacheKey('platform-user', userId),
  /** For identity's in-process cache of whether a sign-in session still stands (tenant id, or `platform`). */
  bySession: (owner: string, sessionId: string): string => tenantCacheKey('session', `${owner}:${sessionId}`),
} as const;

/** Pub/sub channel on which every instance hears which keys to drop from its in-process cache. */
export const TENANT_CACHE_INVALIDATION_CHANNEL = `tenant:${TENANT_CACHE_FORMAT}:invalidations`;

/** Cache-aside lifetime of a found tenant in Redis (SPEC §4). */
export const TENANT_CACHE_TTL_SECONDS = 300;
/** Lifetime of a "no such tenant" answer: short, so a newly created tenant is found quickly anyway. */
export const TENANT_NEGATIVE_CACHE_TTL_SECONDS = 30;
/**
 * How long an invalidation's tombstone lives. A refill may replace a tombstone only if it read that very
 * tombstone before loading (compare-and-set), which closes the cache-aside race in which a lookup reads
 * the old document, the change is written and invalidated, and the lookup then stores the old value.
 */
export const TENANT_CACHE_TOMBSTONE_TTL_SECONDS = 60;
/** In-process lifetime; pub/sub invalidation is the real bound, this only caps a silently missed message. */
export const TENANT_LOCAL_CACHE_TTL_MS = 15_000;
export const TENANT_LOCAL_CACHE_MAX_ENTRIES = 10_000;

/** Stored values that are not snapshots; JSON snapshots always start with `{`, so these cannot collide. */
export const TENANT_CACHE_NOT_FOUND = '!not-found';
/** Each tombstone is `!invalidated:<unique>`, so a refill can tell the one it saw from a later one. */
export const TENANT_CACHE_TOMBSTONE_PREFIX = '!invalidated:';
