import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY, registeredCounter } from '@tenantpay/platform';
import {
  type RateLimitDecision,
  RateLimiterMetrics,
  type RedisFailureReason,
} from '@tenantpay/rate-limiting';
import type { Counter, Registry } from 'prom-client';

/**
 * The limiter's decisions on the process registry. The `tier` label is the policy name: a tenant tier
 * (`free`, `starter`, ...) or `anonymous` / `platform`, a small fixed set, never a tenant id.
 */
@Injectable()
export class PrometheusRateLimiterMetrics extends RateLimiterMetrics {
  private readonly decisions: Counter<'tier' | 'outcome' | 'source'>;
  private readonly refusals: Counter<'tier'>;
  private readonly redisFailures: Counter<'reason'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    super();
    this.decisions = registeredCounter(registry, {
      name: 'rate_limit_decisions_total',
      help: 'Rate-limit decisions by tier, outcome (allowed/refused) and source (redis, fallback, ...)',
      labelNames: ['tier', 'outcome', 'source'],
    });
    this.refusals = registeredCounter(registry, {
      name: 'rate_limit_refusals_total',
      help: 'Requests refused by the rate limiter (429), by tier',
      labelNames: ['tier'],
    });
    this.redisFailures = registeredCounter(registry, {
      name: 'rate_limit_redis_failures_total',
      help: 'Rate-limit decisions Redis could not make in time (timeout) or at all (error)',
      labelNames: ['reason'],
    });
  }

  recordDecision(decision: RateLimitDecision): void {
    const outcome = decision.allowed ? 'allowed' : 'refused';
    this.decisions.inc({ tier: decision.policy, outcome, source: decision.source });
    if (!decision.allowed) this.refusals.inc({ tier: decision.policy });
  }

  recordRedisFailure(reason: RedisFailureReason): void {
    this.redisFailures.inc({ reason });
  }
}
