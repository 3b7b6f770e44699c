/** Every environment variable the test harness reads or publishes. */
export const TEST_ENVIRONMENT_VARIABLES = {
  /** An existing MongoDB for the whole run; wins over starting one. */
  mongodbUri: 'MONGODB_URI',
  /** `uri`, `mongod` or `emulator`: overrides the automatic choice. */
  mongoEngine: 'MONGO_TEST_ENGINE',
  /** A mongod executable to use instead of searching for one (same name mongodb-memory-server reads). */
  mongodBinary: 'MONGOMS_SYSTEM_BINARY',
  /** Published by the global setup for test workers: the server every test file makes its database on. */
  testRunMongoUri: 'TENANTPAY_TEST_MONGODB_URI',
  /** An existing Redis; test files then share it and isolate themselves by key prefix. */
  redisUrl: 'REDIS_URL',
  /** `cluster`: each test file gets its own Redis Cluster (3 masters + 3 replicas) instead of one server. */
  redisTopology: 'REDIS_TEST_TOPOLOGY',
} as const;
