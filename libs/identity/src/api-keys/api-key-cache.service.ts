import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS_CLIENT, type RedisClient } from '@tenantpay/platform';
import {
  type Awaitable,
  ChannelInvalidatedCache,
  TenantCacheInvalidationSubscriber,
  tenantCacheKey,
  tenantCacheKeys,
  TenantLookupService,
} from '@tenantpay/tenancy';
import { API_KEY_LOCAL_CACHE_MAX_ENTRIES, API_KEY_LOCAL_CACHE_TTL_MS } from '../identity.constant';
import type { CachedApiKey } from './cached-api-key';

const ACTIVE_TTL_MS = 60_000;
const ABSENT_TTL_MS = 10_000;
/** At least ACTIVE_TTL_MS, so a lookup that read the key just before revocation cannot re-cache it. */
const TOMBSTONE_TTL_MS = 120_000;

/**
 * Cache-aside for API-key lookups, on two levels (SPEC §4):
 *
 * 1. in process (ChannelInvalidatedCache, like the tenant lookups and user access), so a steady request
 *    costs no round trip. It is trusted only while this instance hears the invalidation channel, and every
 *    change below drops the key's copy here at once and on the other instances when the announcement
 *    arrives (pub/sub, within milliseconds);
 * 2. Redis, shared by every instance: a revocation overwrites the entry with a tombstone, and lookups fill
 *    with SET NX, so a lookup that read the database before a revocation can never overwrite the tombstone.
 *
 * Cache errors degrade to the database; they never fail a request.
 */
@Injectable()
export class ApiKeyCache {
  private readonly logger = new Logger(ApiKeyCache.name);
  private readonly local: ChannelInvalidatedCache<CachedApiKey>;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    subscriber: TenantCacheInvalidationSubscriber,
    tenants: TenantLookupService,
  ) {
    this.local = new ChannelInvalidatedCache<CachedApiKey>(subscriber, tenants, {
      keyPrefix: tenantCacheKey('api-key-in-process', ''),
      ttlMs: API_KEY_LOCAL_CACHE_TTL_MS,
      maxEntries: API_KEY_LOCAL_CACHE_MAX_ENTRIES,
    });
  }

  /**
   * The key's facts: from this process, else from Redis, else from `loadFromDatabase` (which fills Redis with
   * {@link fill}); one load per hash at a time.
   */
  find(hash: string, loadFromDatabase: () => Promise<CachedApiKey>): Awaitable<CachedApiKey> {
    return this.local.get(
      tenantCacheKeys.byApiKeyHashInProcess(hash),
      async () => (await this.read(hash)) ?? (await loadFromDatabase()),
    );
  }

  async fill(hash: string, entry: CachedApiKey): Promise<void> {
    const ttl = entry.state === 'absent' ? ABSENT_TTL_MS : ACTIVE_TTL_MS;
    await this.redis
      .set(tenantCacheKeys.byApiKeyHash(hash), JSON.stringify(entry), 'PX', ttl, 'NX')
      .catch((error: unknown) => this.logger.warn(`API-key cache write failed: ${describe(error)}`));
  }

  /**
   * Replaces the cached facts of a key that changed but still authenticates (a rotation moved its expiry), for
   * every instance. A plain SET: a lookup that read the old document fills with NX and cannot undo this.
   */
  async replace(hash: string, entry: CachedApiKey): Promise<void> {
    try {
      await this.redis.set(tenantCacheKeys.byApiKeyHash(hash), JSON.stringify(entry), 'PX', ACTIVE_TTL_MS);
    } catch (error) {
      this.logger.error(
        `API-key change could not reach the cache; a cached copy may apply the old expiry for up to ${ACTIVE_TTL_MS / 1000}s: ${describe(error)}`,
      );
    }
    await this.forgetInProcess(hash);
  }

  /**
   * Marks the key revoked for every instance. Failing here is loud: the revocation is stored, but a
   * copy cached in Redis could authenticate until it expires (at most ACTIVE_TTL_MS).
   */
  async markRevoked(hash: string): Promise<void> {
    const tombstone: CachedApiKey = { state: 'revoked' };
    try {
      await this.redis.set(
        tenantCacheKeys.byApiKeyHash(hash),
        JSON.stringify(tombstone),
        'PX',
        TOMBSTONE_TTL_MS,
      );
    } catch (error) {
      this.logger.error(
        `API-key revocation could not reach the cache; a cached copy may authenticate for up to ${ACTIVE_TTL_MS / 1000}s: ${describe(error)}`,
      );
    }
    await this.forgetInProcess(hash);
  }

  /** What Redis holds for the hash; undefined on a miss or when Redis cannot answer. */
  private async read(hash: string): Promise<CachedApiKey | undefined> {
    try {
      const raw = await this.redis.get(tenantCacheKeys.byApiKeyHash(hash));
      return raw === null ? undefined : parseEntry(raw);
    } catch (error) {
      this.logger.warn(`API-key cache read failed, using the database: ${describe(error)}`);
      return undefined;
    }
  }

  /**
   * After the Redis entry changed: this process's copy is dropped at once, every other instance's when the
   * announcement arrives; a reload then reads the new Redis entry. An announcement Redis cannot take now is
   * retried when it is back (TenantLookupService), and meanwhile no instance that lost the channel trusts
   * its in-process copies.
   */
  private forgetInProcess(hash: string): Promise<void> {
    return this.local.invalidate([tenantCacheKeys.byApiKeyHashInProcess(hash)]);
  }
}

/** Anything that is not an entry this class wrote (another format, a foreign tombstone) counts as a miss. */
function parseEntry(raw: string): CachedApiKey | undefined {
  try {
    const entry = JSON.parse(raw) as { state?: unknown };
    return entry.state === 'active' || entry.state === 'absent' || entry.state === 'revoked'
      ? (entry as CachedApiKey)
      : undefined;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
