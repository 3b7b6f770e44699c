import { type AppConfig, loadConfig, type RedisTopology } from '@tenantpay/platform';

import { testClusterVariables, type TestClusterVariables } from '../redis/use-test-redis';

/** Signing keys for tests only; two, so key rotation can be exercised. */
export const TEST_JWT_SIGNING_KEYS = `k1:${'a'.repeat(40)},k2:${'b'.repeat(40)}`;

/** What the test payment gateway signs its webhooks with (PAYMENTS_GATEWAY_WEBHOOK_SECRET). */
export const TEST_GATEWAY_WEBHOOK_SECRET = 'gateway-webhook-secret-for-tests-0123456789';

/**
 * MongoDB timeouts for tests: the API's defaults (about 2 s to a 503) suit a server on its own machine, but a
 * whole test run shares two cores with one in-process engine, where a healthy reply can take longer. Fault
 * tests of the fail-fast path put the defaults back ({@link withDefaultMongoTimeouts}).
 */
const LOADED_MACHINE_MONGODB_TIMEOUTS = {
  MONGODB_SERVER_SELECTION_TIMEOUT_MS: '10000',
  MONGODB_CONNECT_TIMEOUT_MS: '10000',
  MONGODB_SOCKET_TIMEOUT_MS: '30000',
  MONGODB_MAX_TIME_MS: '20000',
  MONGODB_WAIT_QUEUE_TIMEOUT_MS: '10000',
  MONGODB_TRANSACTION_TIMEOUT_MS: '30000',
} as const;

/**
 * A validated config for tests, built through the same `loadConfig` as production so tests never run with
 * a configuration production would refuse. Logs are silent unless TEST_LOG_LEVEL asks for them.
 */
export function testAppConfig(
  variables: { MONGODB_URI: string; REDIS_URL: string } & Record<string, string>,
): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    JWT_SIGNING_KEYS: TEST_JWT_SIGNING_KEYS,
    BASE_DOMAIN: 'tenantpay.test',
    PAYMENTS_GATEWAY_WEBHOOK_SECRET: TEST_GATEWAY_WEBHOOK_SECRET,
    PAYMENTS_GATEWAY: 'simulated',
    // Any free port: test files run workers in parallel.
    WORKER_METRICS_PORT: '0',
    ...LOADED_MACHINE_MONGODB_TIMEOUTS,
    // The same for Redis during a payment creation (quota reservation, metering, enqueue): the 300 ms default
    // is for a Redis on its own machine; the fault test of the budget sets it back.
    PAYMENTS_REDIS_BUDGET_MS: '5000',
    METRICS_PORT: '0',
    // Admission control out of reach: tests send concurrent bursts on purpose (idempotency races, stampedes)
    // on a machine shared with other work. The admission tests set their own bounds.
    // A limit that does not adapt either: a slow moment of the machine must not bring it down mid-test.
    ADMISSION_MAX_IN_FLIGHT: '100000',
    ADMISSION_MIN_IN_FLIGHT: '100000',
    ADMISSION_MAX_IN_FLIGHT_PER_TENANT: '100000',
    ADMISSION_MAX_EVENT_LOOP_DELAY_MS: '10000',
    // argon2id at the smallest cost config allows under NODE_ENV=test (1 MiB, 1 pass: about 1 ms of CPU against
    // 30 ms at the production floor): suites seed and sign in thousands of users and are not about hashing cost.
    // The PasswordHasher spec and load-config spec pin the production cost and its floor.
    PASSWORD_HASH_MEMORY_KIB: '1024',
    PASSWORD_HASH_ITERATIONS: '1',
    ...variables,
    ...redisVariables(variables.REDIS_URL),
  });
}

/**
 * The URL of a test cluster's node stands for the cluster (REDIS_TEST_TOPOLOGY=cluster), so every spec that
 * passes its TestRedis `url` runs on either topology unchanged.
 */
function redisVariables(
  url: string,
): { REDIS_URL: string } | ({ REDIS_URL: undefined } & TestClusterVariables) {
  const cluster = testClusterVariables(url);
  return cluster === undefined ? { REDIS_URL: url } : { REDIS_URL: undefined, ...cluster };
}

/** The environment variables that configure `topology` (the reverse of loadConfig's). */
function redisTopologyVariables(topology: RedisTopology): Record<string, string> {
  const { username, password } = topology.security ?? {};
  return {
    ...(topology.kind === 'standalone'
      ? { REDIS_URL: topology.url }
      : { REDIS_CLUSTER_NODES: topology.nodes.map(({ host, port }) => `${host}:${port}`).join(',') }),
    ...(username === undefined ? {} : { REDIS_USERNAME: username }),
    ...(password === undefined ? {} : { REDIS_PASSWORD: password }),
  };
}

/** `config` with the MongoDB timeouts an unconfigured deployment gets, for tests of the fail-fast path. */
export function withDefaultMongoTimeouts(config: AppConfig): AppConfig {
  const defaults = loadConfig({
    MONGODB_URI: config.mongodb.uri,
    ...redisTopologyVariables(config.redis),
    JWT_SIGNING_KEYS: TEST_JWT_SIGNING_KEYS,
    PAYMENTS_GATEWAY: 'simulated',
  });
  return { ...config, mongodb: { ...config.mongodb, timeouts: defaults.mongodb.timeouts } };
}
