// The specs that run a second time on a real Redis Cluster (3 masters + 3 replicas per file), after the whole
// suite on one server: everything whose behaviour depends on where Redis keys live (slots, scripts loaded per
// master, sharded pub/sub, BullMQ's hash-tagged prefix, failover). One list, read by `npm run
// test:redis-cluster` and by CI (.ci/run), so the two never drift apart. Kept small: the cluster run must stay
// under 3 minutes on the 2-core CI machine.
module.exports = [
  // The limiter: scripts per master, its connection pool, Redis failures, a master killed under load.
  'libs/rate-limiting/test',
  // Usage metering: slot-sharded dirty sets, producer dedup, quota reservations, data-loss detection.
  'libs/usage/test',
  // Tenant caches and their invalidation over sharded pub/sub, with two API instances.
  'apps/api/test/tenancy-cache.spec.ts',
  // Idempotency leases and replays.
  'apps/api/test/payments-idempotency.spec.ts',
  // BullMQ on the {tenantpay} prefix, the worker, the simulated gateway's ledger.
  'apps/worker/test/payments-worker.spec.ts',
  // A master killed while payments are created: none lost, none charged twice, usage exact or loss reported.
  'apps/api/test/redis-cluster-failover.e2e.spec.ts',
  // Every node behind requirepass/masterauth: the platform's clients, scripts and BullMQ sign in.
  'libs/testing/src/redis/password-protected-redis.spec.ts',
];
