/** Raised when Redis has not answered a decision within the limiter's budget. */
export class RedisDecisionTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`Redis did not answer within ${timeoutMs} ms`);
    this.name = new.target.name;
  }
}
