/**
 * The caller stopped waiting for a gateway call (its AbortSignal fired: the worker's shutdown deadline). The
 * call's outcome is unknown to the caller: the charge may or may not have happened, so the job is left to be
 * run again under the same idempotency key, which cannot charge twice.
 */
export class GatewayCallAbortedError extends Error {
  constructor(message = 'The gateway call was abandoned') {
    super(message);
    this.name = 'GatewayCallAbortedError';
  }
}
