/** Raised when Redis has not answered a decision within the limiter's budget. */
export class RedisDecisionTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`Redis did not answer within ${timeoutMs} ms`);
    this.name = new.target.name;
  }
}

/**
 * Races `promise` against a timer. The losing promise is left to settle on its own (its rejection handled),
 * because ioredis cannot cancel a command already written to the socket.
 *
 * When the timer fires, the timeout waits one more turn (setImmediate) before it counts: if the event loop
 * was busy, the answer may already sit in the socket buffer, and the poll phase that runs between timers and
 * immediates delivers it first. Without this, CPU saturation alone would look like a slow Redis and push
 * decisions onto the per-process fallback.
 */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      immediate = setImmediate(() => reject(new RedisDecisionTimeoutError(timeoutMs)));
    }, timeoutMs);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
    if (immediate !== undefined) clearImmediate(immediate);
  });
}
