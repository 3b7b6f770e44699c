// The API's dependency-fault specs (MongoDB hung, Redis hung during a payment creation), in one test file: one
// module registry loads the API for both (see identity.spec.ts). Each `*.tests.ts` still boots its own app on
// its own database (a freezable engine for the hung-MongoDB one) and redis-server.
import './fault-mongodb-hung.tests';
import './fault-redis-hung-payment-creation.tests';
