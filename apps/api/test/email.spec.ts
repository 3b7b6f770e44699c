// The specs of what the API sends by email (onboarding, password resets, notices, operator mail; SMTP sink),
// in one test file: one module registry loads the API for all of them (see identity.spec.ts). Each
// `*.tests.ts` still boots its own app on its own database, redis-server and SMTP sink.
import './account-notices.tests';
import './onboarding.e2e.tests';
import './passwords.tests';
import './platform-mail.e2e.tests';
