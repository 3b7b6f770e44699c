// The HTTP platform and operations specs (health, OpenAPI, shutdown, admission control, index builds), in one
// test file: one module registry loads the API for all of them (see identity.spec.ts). Each `*.tests.ts`
// still boots its own app on its own database and redis-server.
import './admission-control.tests';
import './graceful-shutdown.tests';
import './health.tests';
import './http-platform.tests';
import './index-builds.tests';
import './observability-openapi.tests';
