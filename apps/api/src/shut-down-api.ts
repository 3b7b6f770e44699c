import type { INestApplication } from '@nestjs/common';
import { GracefulHttpShutdown } from '@tenantpay/platform';

/**
 * The API's shutdown, used by the signal handler and by tests: first the HTTP server drains (readiness 503,
 * no new connections, in-flight requests finish), and only then do Nest's shutdown hooks close the queues,
 * Redis and MongoDB that those requests were still using.
 */
export async function shutDownApi(app: INestApplication): Promise<void> {
  await app.get(GracefulHttpShutdown).drain();
  await app.close();
}
