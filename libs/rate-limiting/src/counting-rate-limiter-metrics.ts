import { type RateLimitDecision, RateLimitDecisionSource } from './rate-limit-decision';
import { RateLimiterMetrics, type RedisFailureReason } from './rate-limiter-metrics';

/** Plain counters; enough for tests and for a later exporter to read. */
export class CountingRateLimiterMetrics extends RateLimiterMetrics {
  decisions = 0;
  refusals = 0;
  /** Decisions made without Redis because it was unavailable (fallback admissions and refusals, fail-closed refusals). */
  degradedDecisions = 0;
  blockedInProcess = 0;
  redisTimeouts = 0;
  redisErrors = 0;

  recordDecision(decision: RateLimitDecision): void {
    this.decisions += 1;
    if (!decision.allowed) this.refusals += 1;
    if (
      decision.source === RateLimitDecisionSource.Fallback ||
      decision.source === RateLimitDecisionSource.FailedClosed
    ) {
      this.degradedDecisions += 1;
    }
    if (decision.source === RateLimitDecisionSource.BlockedInProcess) this.blockedInProcess += 1;
  }

  recordRedisFailure(reason: RedisFailureReason): void {
    if (reason === 'timeout') this.redisTimeouts += 1;
    else this.redisErrors += 1;
  }
}
