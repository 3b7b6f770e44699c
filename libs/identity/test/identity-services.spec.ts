// The identity services' specs, in one test file: Jest gives each test file its own module registry, and
// loading the library's modules into one costs more CPU than the tests' own work; here they are loaded once.
// Each `*.tests.ts` still builds its own testing module on its own database and redis-server.
import './api-keys.service.tests';
import './login-attempt-limiter.tests';
import './login.service.tests';
import './users.service.tests';
