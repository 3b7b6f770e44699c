export { useTestMongo } from './mongo/use-test-mongo';
export type { TestMongo } from './mongo/use-test-mongo';
export { useTestRedis, useTestRedisCluster } from './redis/use-test-redis';
export type { TestRedis } from './redis/use-test-redis';
export {
  testAppConfig,
  TEST_GATEWAY_WEBHOOK_SECRET,
  TEST_JWT_SIGNING_KEYS,
  withDefaultMongoTimeouts,
} from './config/test-app-config';
export { useFreezableMongo } from './mongo/use-freezable-mongo';
export type { FreezableMongo } from './mongo/use-freezable-mongo';
export { useUnreachableMongo } from './mongo/use-unreachable-mongo';
export type { UnreachableMongo } from './mongo/use-unreachable-mongo';
export { withPollutedPrototype } from './pollution/with-polluted-prototype';
export { readyHttpApplication, startHttpTestApplication } from './http/start-http-test-application';
export { readTenantArchive } from './offboarding/read-tenant-archive';
export type { ReadArchive } from './offboarding/read-tenant-archive';
export { useSmtpSink } from './smtp/use-smtp-sink';
export type { TestSmtpSink } from './smtp/use-smtp-sink';
export { eventually } from './eventually';
