// The worker's payment and batch processing specs, in one test file: Jest gives each test file its own module
// registry, and loading the worker's modules into one costs more CPU than starting the worker; here they are
// loaded once. Each `*.tests.ts` still starts its own worker on its own database and redis-server.
// payments-worker (also run on a Redis Cluster) stays a file of its own.
import './payment-batch-chunk-failure.tests';
import './payment-batch-stuck-sweep.tests';
import './payments-fair-share.tests';
import './payments-maintenance.tests';
import './payments-stuck-states.tests';
