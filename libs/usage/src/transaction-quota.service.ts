import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { QuotaHold, TransactionQuota } from '@tenantpay/payments';
import {
  APP_CONFIG,
  type AppConfig,
  REDIS_CLIENT,
  RedisScript,
  withTimeout,
  type RedisClient,
} from '@tenantpay/platform';
import { type TenantSnapshot, UNLIMITED } from '@tenantpay/tenancy';
import { randomUUID } from 'node:crypto';

import { LastKnownQuota } from './last-known-quota';
import { QuotaExceededException } from './quota-exceeded.exception';
import { QuotaUnavailableException } from './quota-unavailable.exception';
import { RELEASE_TRANSACTIONS_SCRIPT } from './release-transactions.script';
import { RESERVE_TRANSACTIONS_SCRIPT } from './reserve-transactions.script';
import { UsageAlertService } from './usage-alert.service';
import { type QuotaFallbackDecision, UsageMetrics } from './usage-metrics';
import { UsagePeriod } from './usage-period';
import { UsageRecordsRepository } from './usage-records.repository';
import { type CompanionScript, UsageTrackerService } from './usage-tracker.service';
import {
  TRANSACTION_EVENT_TTL_SECONDS,
  USAGE_ALERT_THRESHOLDS,
  quotaHeldUnitsKey,
  quotaHoldExpiriesKey,
  usageHashKey,
} from './usage.constant';

/** Replies of the reserve script's first element. */
const HELD = 1;
const NEEDS_PERSISTED_COUNT = -1;

/** A hold admitted by this process alone (Redis did not answer): its units came from {@link LastKnownQuota}. */
interface LocalHold {
  readonly tenantId: string;
  units: number;
  readonly expiresAtMs: number;
}

/** Local holds kept before expired ones are swept (their creator died without committing or releasing). */
const LOCAL_HOLD_SWEEP_SIZE = 1_000;

/**
 * `TransactionQuota` for the payments library: reserve, then commit. A payment's transaction is held
 * atomically in Redis before the payment is created (one script checks `used + held + units <= limit` and
 * holds the units, see RESERVE_TRANSACTIONS_SCRIPT), counted once per payment id when it exists, and the hold
 * is given back if creation fails; holds of creators that died expire. Unlimited quotas are never held.
 *
 * When Redis does not answer within `PAYMENTS_REDIS_BUDGET_MS`, the process admits from the remainder Redis last
 * told it (minus what it admitted since) and refuses with 503 when it was never told, so an outage can never
 * admit more than what was last known free (per process). The 80% / 100% alerts follow the counted value.
 */
@Injectable()
export class TransactionQuotaService implements TransactionQuota, OnModuleInit {
  private readonly logger = new Logger(TransactionQuotaService.name);
  private readonly reserveScript = new RedisScript(RESERVE_TRANSACTIONS_SCRIPT);
  private readonly releaseScript = new RedisScript(RELEASE_TRANSACTIONS_SCRIPT);
  private readonly lastKnown = new LastKnownQuota();
  private readonly localHolds = new Map<string, LocalHold>();
  private readonly settings: AppConfig['quota'];
  /** The payment creation's Redis budget: a reservation waits no longer (then the fallback decides). */
  private readonly redisBudgetMs: number;
  private outage = false;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly tracker: UsageTrackerService,
    private readonly records: UsageRecordsRepository,
    private readonly alerts: UsageAlertService,
    private readonly metrics: UsageMetrics,
  ) {
    this.settings = config.quota;
    this.redisBudgetMs = config.payments.redisBudgetMs;
  }

  /**
   * Loaded before the first payment: a reservation's deadline is too short for the NOSCRIPT answer and SCRIPT
   * LOAD a cold script costs. Not awaited (a Redis down at start must not hold the start) nor fatal: `evaluate`
   * loads a script Redis lost (restart, failover) itself.
   */
  onModuleInit(): void {
    void Promise.all([this.reserveScript.load(this.redis), this.releaseScript.load(this.redis)]).catch(
      (error: unknown) => this.logger.warn({ err: error }, 'Quota scripts not preloaded'),
    );
  }

  prepareHold(_tenant: TenantSnapshot, batchRows?: number): QuotaHold {
    return {
      id: randomUUID(),
      period: UsagePeriod.containing(this.tracker.now()).toString(),
      units: batchRows ?? 1,
      forBatch: batchRows !== undefined,
    };
  }

  async reserve(tenant: TenantSnapshot, hold: QuotaHold): Promise<void> {
    const limit = tenant.limits.transactionsPerMonth;
    if (limit === UNLIMITED || this.localHolds.has(hold.id)) return;
    let reply: readonly [number, number];
    try {
      reply = await this.reserveInRedis(tenant.id, hold, limit);
    } catch (error) {
      if (!(error instanceof RedisUnanswered)) throw error;
      return this.reserveFromLastKnown(tenant.id, hold, limit, error.cause);
    }
    this.noteHealthy();
    const [status, free] = reply;
    this.lastKnown.remember(tenant.id, hold.period, limit, free);
    if (status !== HELD) throw this.exceeded(hold.period, limit);
  }

  async release(tenant: TenantSnapshot, hold: QuotaHold, units?: number): Promise<void> {
    if (tenant.limits.transactionsPerMonth === UNLIMITED && !this.localHolds.has(hold.id)) return;
    const local = this.takeLocal(hold, units);
    // Also for a local hold: its reservation may have timed out here and still landed in Redis. A release Redis
    // does not get is harmless beyond its delay: the hold expires on its own.
    const inRedis = await this.releaseInRedis(tenant.id, hold, units);
    // Units freed are free for this process's fallback too: exactly those of its own admission, or those Redis
    // confirmed; none on a guess.
    const freed = local > 0 ? local : inRedis;
    if (freed > 0) this.lastKnown.giveBack(tenant.id, hold.period, freed);
  }

  /**
   * Counts the payment's transaction (once per payment id) and takes its unit off the hold in one MULTI, so no
   * reservation ever sees the unit both counted and held (a refusal too many) or neither (one too many).
   * Called once per created payment: a second call with the same hold would take a second unit off it.
   */
  async recordCreated(tenant: TenantSnapshot, paymentId: string, hold: QuotaHold | null): Promise<void> {
    const limit = tenant.limits.transactionsPerMonth;
    const period = UsagePeriod.containing(this.tracker.now()).toString();
    const held = hold !== null && (limit !== UNLIMITED || this.localHolds.has(hold.id));
    if (held) this.takeLocal(hold, 1);
    const recorded = await this.tracker.record(
      {
        tenantId: tenant.id,
        period,
        eventId: `payment.${paymentId}`,
        increments: { transactions: 1 },
        eventTtlSeconds: TRANSACTION_EVENT_TTL_SECONDS,
      },
      limit === UNLIMITED ? undefined : { metric: 'transactions', limit, thresholds: USAGE_ALERT_THRESHOLDS },
      // Not buffered with the event when Redis is down: the hold then expires (a batch's completion frees it).
      held ? this.releaseCall(tenant.id, hold, 1) : undefined,
    );
    if (limit === UNLIMITED || recorded.reachedThresholds.length === 0) return;
    await this.alerts.raise({
      tenantId: tenant.id,
      period,
      metric: 'transactions',
      limit,
      value: recorded.value ?? 0,
      thresholds: recorded.reachedThresholds,
    });
  }

  private async reserveInRedis(
    tenantId: string,
    hold: QuotaHold,
    limit: number,
  ): Promise<readonly [number, number]> {
    const first = await this.evaluateReserve(tenantId, hold, limit, '');
    if (first[0] !== NEEDS_PERSISTED_COUNT) return first;
    // The hash lacks its baseline (first write of the period, or Redis lost its data): add what MongoDB has.
    const persisted = await this.records.find(tenantId, hold.period);
    return this.evaluateReserve(tenantId, hold, limit, persisted?.counters.transactions ?? 0);
  }

  private async evaluateReserve(
    tenantId: string,
    hold: QuotaHold,
    limit: number,
    persisted: number | '',
  ): Promise<readonly [number, number]> {
    let reply: unknown;
    try {
      reply = await withTimeout(
        this.reserveScript.evaluate(
          this.redis,
          [
            usageHashKey(tenantId, hold.period),
            quotaHoldExpiriesKey(tenantId, hold.period),
            quotaHeldUnitsKey(tenantId, hold.period),
          ],
          [
            limit,
            hold.units,
            hold.id,
            this.holdLifetimeMs(hold),
            this.tracker.pendingFor(tenantId, hold.period).increments.transactions,
            persisted,
          ],
        ),
        this.redisBudgetMs,
        'quota reservation',
      );
    } catch (error) {
      throw new RedisUnanswered(error);
    }
    if (!Array.isArray(reply) || reply.length !== 2 || !reply.every((value) => typeof value === 'number')) {
      throw new Error('Unexpected reply from the quota reservation script');
    }
    return [reply[0] as number, reply[1] as number];
  }

  private reserveFromLastKnown(tenantId: string, hold: QuotaHold, limit: number, error: unknown): void {
    this.noteFailure(error);
    const admitted = this.lastKnown.take(tenantId, hold.period, limit, hold.units);
    this.metrics.quotaFallbackDecisions.inc({ decision: fallbackDecision(admitted) });
    if (admitted === undefined) throw new QuotaUnavailableException();
    if (!admitted) throw this.exceeded(hold.period, limit);
    if (this.localHolds.size >= LOCAL_HOLD_SWEEP_SIZE) this.sweepLocalHolds();
    this.localHolds.set(hold.id, {
      tenantId,
      units: hold.units,
      expiresAtMs: Date.now() + this.holdLifetimeMs(hold),
    });
  }

  /** Units taken off a local hold (at most what it has); 0 for a hold this process did not admit. */
  private takeLocal(hold: QuotaHold, units: number | undefined): number {
    const local = this.localHolds.get(hold.id);
    if (local === undefined) return 0;
    const taken = Math.min(units ?? local.units, local.units);
    local.units -= taken;
    if (local.units === 0) this.localHolds.delete(hold.id);
    return taken;
  }

  private async releaseInRedis(
    tenantId: string,
    hold: QuotaHold,
    units: number | undefined,
  ): Promise<number> {
    const { script, keys, args } = this.releaseCall(tenantId, hold, units);
    try {
      const released = await withTimeout(
        script.evaluate(this.redis, keys, args),
        this.redisBudgetMs,
        'quota release',
      );
      return typeof released === 'number' ? released : 0;
    } catch (error) {
      this.logger.warn(
        { holdId: hold.id, err: error },
        'Quota hold not released in Redis; it expires on its own',
      );
      return 0;
    }
  }

  private releaseCall(tenantId: string, hold: QuotaHold, units: number | undefined): CompanionScript {
    return {
      script: this.releaseScript,
      keys: [quotaHoldExpiriesKey(tenantId, hold.period), quotaHeldUnitsKey(tenantId, hold.period)],
      args: [hold.id, units ?? ''],
    };
  }

  private holdLifetimeMs(hold: QuotaHold): number {
    return (hold.forBatch ? this.settings.batchHoldSeconds : this.settings.holdSeconds) * 1000;
  }

  private sweepLocalHolds(): void {
    const now = Date.now();
    for (const [id, local] of this.localHolds) if (local.expiresAtMs <= now) this.localHolds.delete(id);
  }

  private exceeded(period: string, limit: number): QuotaExceededException {
    const parsed = UsagePeriod.parse(period);
    return new QuotaExceededException('transactions', limit, period, parsed.end, this.tracker.now());
  }

  private noteFailure(error: unknown): void {
    if (this.outage) return;
    this.outage = true;
    this.logger.warn(
      { err: error },
      'Quota reservations cannot reach Redis; admitting only from the remainder last known per tenant',
    );
  }

  private noteHealthy(): void {
    if (!this.outage) return;
    this.outage = false;
    this.logger.log('Quota reservations reach Redis again');
  }
}

function fallbackDecision(admitted: boolean | undefined): QuotaFallbackDecision {
  if (admitted === undefined) return 'unavailable';
  return admitted ? 'admitted' : 'refused';
}

/** Redis failed or did not answer in time: the reservation is decided from what this process last knew. */
class RedisUnanswered extends Error {
  constructor(override readonly cause: unknown) {
    super('Redis did not answer the quota reservation');
  }
}
