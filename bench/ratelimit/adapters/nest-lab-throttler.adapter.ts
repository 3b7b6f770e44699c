import type Redis from 'ioredis';

import type { LimiterAdapter } from '../limiter-adapter';
import { loadOptionalPackage } from './load-optional-package';

interface ThrottlerStorageRedisModule {
  ThrottlerStorageRedisService: new (redis: Redis) => {
    increment(
      key: string,
      ttlMs: number,
      limit: number,
      blockDurationMs: number,
      throttlerName: string,
    ): Promise<{ totalHits: number; isBlocked: boolean }>;
  };
}

/** @nest-lab/throttler-storage-redis: the storage behind @nestjs/throttler (fixed window), `increment` per request. */
export const nestLabThrottlerAdapter: LimiterAdapter = {
  name: '@nest-lab/throttler-storage-redis (increment)',
  packageName: '@nest-lab/throttler-storage-redis',
  keyPattern: (keyPrefix) => `*${keyPrefix}*`,
  async create({ redis, limit, windowSeconds, keyPrefix }) {
    const { ThrottlerStorageRedisService } = await loadOptionalPackage<ThrottlerStorageRedisModule>(
      '@nest-lab/throttler-storage-redis',
    );
    const storage = new ThrottlerStorageRedisService(redis);
    const windowMs = windowSeconds * 1000;
    return {
      consume: async (subject) => {
        const record = await storage.increment(
          `${keyPrefix}${subject}`,
          windowMs,
          limit,
          windowMs,
          'default',
        );
        return !record.isBlocked && record.totalHits <= limit;
      },
    };
  },
};
