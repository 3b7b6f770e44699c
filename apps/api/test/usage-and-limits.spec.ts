// The usage and rate-limit HTTP specs, in one test file: one module registry loads the API for both (see
// identity.spec.ts). Each `*.tests.ts` still boots its own app on its own database and redis-server.
import './rate-limiting-http.tests';
import './usage-api.tests';
