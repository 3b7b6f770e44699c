// The rate-limiting library's Redis specs, in one test file: Jest gives each test file its own module registry,
// and loading the library's modules into one costs more CPU than most of these tests; here they are loaded
// once. Each `*.tests.ts` still has its own redis-server (a Redis Cluster in the cluster run).
// rate-limiter-cluster-failover (cluster only, the longest) stays a file of its own.
import './rate-limiter-redis-failure.tests';
import './rate-limiter.service.tests';
import './rate-limiting.module.tests';
import './redis-connection-pool.tests';
