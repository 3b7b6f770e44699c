// The HTTP specs of what platform operators do (operators, support sessions, analytics, audit search), in one
// test file: one module registry loads the API for all of them (see identity.spec.ts). Each `*.tests.ts`
// still boots its own app on its own database and redis-server.
import './admin-analytics.tests';
import './audit-search.tests';
import './platform-users.tests';
import './support-sessions.tests';
