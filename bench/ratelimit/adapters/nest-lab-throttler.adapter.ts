import type Redis from 'ioredis';

import type { LimiterAdapter } from '../limiter-adapter';
import { loadOptionalPackage } from './load-optional-package';

interface ThrottlerStorageRedisModule {
  /** Takes the ioredis client itself only if it is an instance of the same ioredis the package resolves. */
  ThrottlerStorageRedisService: new (redis: Redis) => {
    readonly redis: unknown;
    increment(
      key: string,
      ttlMs: number,
      limit: number,
      blockDurationMs: number,
      throttlerName: string,
    ): Promise<{ totalHits: number; timeToExpire: number; isBlocked: boolean; timeToBlockExpire: number }>;
  };
}

/**
 * @nest-lab/throttler-storage-redis: the storage behind @nestjs/throttler (fixed window that blocks for
 * `blockDuration` once exceeded; the guard's default block is the ttl), `increment` per request as the guard
 * calls it, sending the script source with EVAL each time. Keys are `{<key>:<throttler>}:hits` (and `:blocked`
 * once exceeded). The guard would first SHA-256 the tracker into the key; that client-side hash is left out.
 */
export const nestLabThrottlerAdapter: LimiterAdapter = {
  name: '@nest-lab/throttler-storage-redis (increment)',
  packageName: '@nest-lab/throttler-storage-redis',
  keyPattern: (keyPrefix) => `{${keyPrefix}*`,
  async create({ redis, limit, windowSeconds, keyPrefix }) {
    const { ThrottlerStorageRedisService } = await loadOptionalPackage<ThrottlerStorageRedisModule>(
      '@nest-lab/throttler-storage-redis',
    );
    const storage = new ThrottlerStorageRedisService(redis);
    // A client from another copy of ioredis would be taken for connection options, silently opening a
    // second connection to localhost:6379 instead of measuring the shared one.
    if (storage.redis !== redis)
      throw new Error('ThrottlerStorageRedisService did not adopt the bench client');
    const windowMs = windowSeconds * 1000;
    return {
      // ThrottlerGuard refuses exactly when the storage reports the key blocked.
      consume: async (subject) =>
        !(await storage.increment(`${keyPrefix}${subject}`, windowMs, limit, windowMs, 'default')).isBlocked,
    };
  },
};
