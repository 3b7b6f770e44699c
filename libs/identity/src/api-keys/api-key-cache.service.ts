import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS_CLIENT } from '@tenantpay/platform';
import type Redis from 'ioredis';
import { tenantCacheKeys } from '@tenantpay/tenancy';
import type { CachedApiKey } from './cached-api-key';

const ACTIVE_TTL_MS = 60_000;
const ABSENT_TTL_MS = 10_000;
/** At least ACTIVE_TTL_MS, so a lookup that read the key just before revocation cannot re-cache it. */
const TOMBSTONE_TTL_MS = 120_000;

/**
 * Cache-aside for API-key lookups, in Redis only: every instance shares it, so a revocation (which
 * overwrites the entry with a tombstone) stops the key on every instance at once. Lookups fill with
 * SET NX, so a lookup that read the database before a revocation can never overwrite the tombstone.
 * Cache errors degrade to the database; they never fail a request.
 */
@Injectable()
export class ApiKeyCache {
  private readonly logger = new Logger(ApiKeyCache.name);

  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  /** The cached entry, or undefined on a miss or when Redis cannot answer. */
  async get(hash: string): Promise<CachedApiKey | undefined> {
    try {
      const raw = await this.redis.get(tenantCacheKeys.byApiKeyHash(hash));
      return raw === null ? undefined : parseEntry(raw);
    } catch (error) {
      this.logger.warn(`API-key cache read failed, using the database: ${describe(error)}`);
      return undefined;
    }
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
  }

  /**
   * Marks the key revoked for every instance. Failing here is loud: the revocation is stored, but a
   * cached copy could authenticate until it expires (at most ACTIVE_TTL_MS).
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
