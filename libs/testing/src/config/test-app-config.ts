import { type AppConfig, loadConfig } from '@tenantpay/platform';

/** Signing keys for tests only; two, so key rotation can be exercised. */
export const TEST_JWT_SIGNING_KEYS = `k1:${'a'.repeat(40)},k2:${'b'.repeat(40)}`;

/** What the test payment gateway signs its webhooks with (PAYMENTS_GATEWAY_WEBHOOK_SECRET). */
export const TEST_GATEWAY_WEBHOOK_SECRET = 'gateway-webhook-secret-for-tests-0123456789';

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
    // Any free port: test files run workers in parallel.
    WORKER_METRICS_PORT: '0',
    METRICS_PORT: '0',
    // Admission control out of reach: tests send concurrent bursts on purpose (idempotency races, stampedes)
    // on a machine shared with other work. The admission tests set their own bounds.
    ADMISSION_MAX_IN_FLIGHT: '100000',
    ADMISSION_MAX_IN_FLIGHT_PER_TENANT: '100000',
    ADMISSION_MAX_EVENT_LOOP_DELAY_MS: '10000',
    ...variables,
  });
}
