import Redis from 'ioredis';

/**
 * A client shaped like the platform's (no offline queue, so commands fail fast while Redis is down) but with
 * quick reconnection, so recovery tests do not wait for the production back-off.
 */
export async function connectTestRedisClient(url: string, keyPrefix: string): Promise<Redis> {
  const redis = new Redis(url, {
    keyPrefix,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: () => 50,
  });
  redis.on('error', () => undefined);
  await redis.connect();
  return redis;
}
