// The worker application's specs (its lifecycle, schedules, metrics server, job context, mail and usage jobs),
// in one test file: one module registry loads the worker for all of them (see payments-processing.spec.ts).
// Each `*.tests.ts` still starts its own worker on its own database and redis-server.
import './job-schedules-healing.tests';
import './mail-delivery.tests';
import './metrics-server.tests';
import './tenant-job-context.tests';
import './usage-sync-job.tests';
import './worker-lifecycle.tests';
