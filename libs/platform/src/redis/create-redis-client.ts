import Redis, { type RedisOptions } from 'ioredis';

/**
 * The platform's Redis client. No offline queue: while Redis is unreachable, commands fail at once so
 * callers can degrade (cache → database, limiter → in-process fallback) instead of piling up requests
 * that would all be replayed, late, when Redis returns. Reconnection is automatic and bounded.
 *
 * Auto-pipelining: commands issued during one event-loop turn (by every request the server is serving at
 * that moment) leave in one socket write instead of one write each. A write was the largest single cost a
 * request's rate-limit and usage call added (measured by bench/tenancy); the price is that a command waits
 * for the end of the current turn before it is sent.
 */
export function createRedisClient(url: string, connectionName: string, overrides: RedisOptions = {}): Redis {
  return new Redis(url, {
    connectionName,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    enableAutoPipelining: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    ...overrides,
  });
}
