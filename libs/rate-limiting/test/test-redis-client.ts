import { createRedisClient, type RedisClient, type RedisTopology } from '@tenantpay/platform';

/**
 * A client shaped like the platform's (no offline queue, so commands fail fast while Redis is down) but with
 * quick reconnection, so recovery tests do not wait for the production back-off. A cluster client when the
 * test runs on a cluster (REDIS_TEST_TOPOLOGY=cluster).
 */
export async function connectTestRedisClient(
  topology: RedisTopology,
  keyPrefix: string,
): Promise<RedisClient> {
  const redis = createRedisClient(topology, 'rate-limiting-test', {
    keyPrefix,
    enableAutoPipelining: false,
    commandTimeout: undefined,
    retryStrategy: () => 50,
  });
  redis.on('error', () => undefined);
  await redis.connect();
  return redis;
}
