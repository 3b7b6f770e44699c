// The payments HTTP specs, in one test file: one module registry loads the API for all of them (see
// identity.spec.ts). Each `*.tests.ts` still boots its own app on its own database and redis-server.
// payments-bulk (the longest) and payments-idempotency (also run on a Redis Cluster) stay files of their own.
import './payment-events-api.tests';
import './payments-api.tests';
import './payments-gateway-webhooks.tests';
import './payments-query-plans.tests';
import './payments-quota.tests';
import './payments-workflows.tests';
