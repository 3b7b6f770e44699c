import { loadConfig, type RedisTopology } from '@tenantpay/platform';

import { TEST_JWT_SIGNING_KEYS } from './test-app-config';

/**
 * The Redis topology the given Redis variables (REDIS_URL, REDIS_PASSWORD, REDIS_TLS_CA_FILE, …) configure,
 * through the same loadConfig as production, for specs of the Redis connection alone.
 */
export function testRedisTopology(variables: Record<string, string>): RedisTopology {
  return loadConfig({
    // Never connected to by these specs; the config requires one.
    MONGODB_URI: 'mongodb://127.0.0.1:27017/unused',
    JWT_SIGNING_KEYS: TEST_JWT_SIGNING_KEYS,
    PAYMENTS_GATEWAY: 'simulated',
    ...variables,
  }).redis;
}
