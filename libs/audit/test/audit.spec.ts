// The audit library's MongoDB specs, in one test file: Jest gives each test file its own module registry, and
// loading the library's modules into one costs more CPU than these tests; here they are loaded once. Each
// `*.tests.ts` still has its own database.
import './audit-event-append-only.tests';
import './audit-service.tests';
