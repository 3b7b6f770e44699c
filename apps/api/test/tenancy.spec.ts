// The tenancy HTTP specs (resolution, tenant administration, domains, branding, lifecycle), in one test file:
// one module registry loads the API for all of them (see identity.spec.ts). Each `*.tests.ts` still boots its
// own app on its own database and redis-server. tenancy-cache (also run on a Redis Cluster) and
// tenancy-context-isolation (the longest) stay files of their own.
import './branding-api.tests';
import './tenancy-admin.tests';
import './tenancy-resolution.tests';
import './tenant-domains-api.tests';
import './tenant-lifecycle-archive.tests';
import './tenant-offboarding.tests';
