import { Injectable } from '@nestjs/common';

/**
 * The one AbortSignal every gateway call of this process carries. The worker's shutdown deadline fires it:
 * calls still waiting on the gateway are abandoned (GatewayCallAbortedError) rather than keeping the process
 * past SHUTDOWN_GRACE_MS, and their jobs are retried elsewhere under the same idempotency key, which cannot
 * charge twice. Once fired it stays fired: the process is on its way out.
 */
@Injectable()
export class GatewayCallsAbort {
  private readonly controller = new AbortController();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abandonAll(reason: string): void {
    this.controller.abort(new Error(reason));
  }
}
