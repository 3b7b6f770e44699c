import Redis from 'ioredis';

/**
 * The platform's Redis client. No offline queue: while Redis is unreachable, commands fail at once so
 * callers can degrade (cache → database, limiter → in-process fallback) instead of piling up requests
 * that would all be replayed, late, when Redis returns. Reconnection is automatic and bounded.
 */
export function createRedisClient(url: string, connectionName: string): Redis {
  return new Redis(url, {
    connectionName,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
}
