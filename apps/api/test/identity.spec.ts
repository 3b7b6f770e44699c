// The identity HTTP specs, in one test file. Jest gives every test file a module registry of its own, and
// loading the API's modules into one costs more CPU than booting the app; here they are loaded once for all
// of these describes. Each `*.tests.ts` still boots its own app, on its own database and redis-server.
import './identity-api-keys.tests';
import './identity-auth.tests';
import './identity-credential-purge.tests';
import './identity-mfa.tests';
import './identity-sessions.tests';
import './identity-user-access.tests';
import './identity-users.tests';
