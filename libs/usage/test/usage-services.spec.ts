// Usage metering and quota specs, in one test file: Jest gives each test file its own module registry, and
// loading the library's modules into one costs more CPU than the tests' own work; here they are loaded once.
// Each `*.tests.ts` still has its own database and redis-server (a Redis Cluster in the cluster run).
// usage-redis-data-loss (the longest) stays a file of its own.
import './transaction-quota.tests';
import './usage-metering.tests';
import './usage-producer-dedup.tests';
