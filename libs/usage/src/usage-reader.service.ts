import { Inject, Injectable } from '@nestjs/common';
import { REDIS_CLIENT, type RedisClient } from '@tenantpay/platform';
import { ExpiringLruCache } from '@tenantpay/tenancy';

import type { MeteredUsage } from './request-usage-meter.service';
import { mayHoldPersistedIncrements } from './persisted-increments-in-hash';
import { type RedisUsageState, toRedisUsageState } from './usage-baseline.service';
import { addUsage, maxUsage, type UsageCounters, ZERO_USAGE } from './usage-counters';
import { USAGE_OPTIONS, type UsageOptions } from './usage-options';
import { type PersistedUsage, UsageRecordsRepository } from './usage-records.repository';
import { UsageTrackerService } from './usage-tracker.service';
import { USAGE_CLOCK, type UsageClock } from './usage-clock';
import { UsagePeriod } from './usage-period';
import { PERSISTED_USAGE_CACHE_MAX_ENTRIES, USAGE_BASELINE_FIELD, usageHashKey } from './usage.constant';

export interface ReconciledUsage {
  readonly tenantId: string;
  readonly counters: UsageCounters;
  /** Closed periods are final: their numbers come from MongoDB only. */
  readonly closed: boolean;
}

const READ_BATCH_SIZE = 500;

/** What MongoDB held for a tenant-period when it was last read (undefined: no record). */
interface PersistedSnapshot {
  readonly record: PersistedUsage | undefined;
}

/**
 * Reads usage by reconciling Redis (current, possibly ahead) with MongoDB (durable, possibly behind): a read
 * never reports less than was persisted, even right after Redis lost its data, and adds what this process
 * still holds for Redis. Old periods whose hashes expired are served from MongoDB alone.
 */
@Injectable()
export class UsageReaderService {
  /**
   * MongoDB's copy of tenant-periods read through {@link read}, kept for one sync interval: the worker raises
   * it at most that often, and only to values it copied from the Redis hash.
   */
  private readonly persistedCache = new ExpiringLruCache<PersistedSnapshot>(
    PERSISTED_USAGE_CACHE_MAX_ENTRIES,
  );

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    @Inject(USAGE_OPTIONS) private readonly options: UsageOptions,
    private readonly records: UsageRecordsRepository,
    private readonly tracker: UsageTrackerService,
    @Inject(USAGE_CLOCK) private readonly clock: UsageClock,
  ) {}

  /**
   * One tenant's period. While the period cannot be closed yet and its hash carries its baseline, this costs
   * one Redis call: the hash then holds absolute counters that every sync copied to MongoDB (so MongoDB's copy
   * can only be behind it), and the copy last read here still takes part in the max, as in {@link reconcile}.
   * Anything else (first read, no baseline after Redis lost the period, a closable period) is the full
   * reconciliation, MongoDB read first. `metered`: the hash as this request's own metering write read it back
   * (after its increment, as the Redis call here would see it), which saves that call.
   */
  async read(tenantId: string, period: UsagePeriod, metered?: MeteredUsage): Promise<ReconciledUsage> {
    const key = period.toString();
    const cacheKey = `${tenantId}:${key}`;
    const openForGood = this.cannotBeClosedYet(period);
    const cached = openForGood ? this.persistedCache.get(cacheKey) : undefined;
    if (cached !== undefined && cached.record?.closed !== true) {
      const state =
        metered?.period === key ? metered.state : (await this.readRedis([tenantId], key)).get(tenantId);
      if (state?.hasBaseline === true) return this.reconciled(tenantId, key, cached.record, state);
    }
    const persisted = await this.records.findMany([tenantId], key);
    if (openForGood)
      this.persistedCache.set(cacheKey, { record: persisted.get(tenantId) }, this.options.syncIntervalMs);
    const [usage] = await this.reconcileBatch([tenantId], key, persisted);
    return usage ?? { tenantId, counters: ZERO_USAGE, closed: false };
  }

  /**
   * One metric's current value, cheaply: one Redis call while the hash is absolute (the common case), the full
   * reconciliation with MongoDB otherwise (first write of a period, Redis lost its data or is unavailable).
   */
  async currentValue(
    tenantId: string,
    period: UsagePeriod,
    metric: 'transactions' | 'api_calls',
  ): Promise<number> {
    const key = period.toString();
    let timer: NodeJS.Timeout | undefined;
    try {
      const [value, baseline] = await Promise.race([
        this.redis.hmget(usageHashKey(tenantId, key), metric, USAGE_BASELINE_FIELD),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('usage read timed out')), this.options.redisTimeoutMs);
        }),
      ]);
      if (baseline !== null && baseline !== undefined) {
        return Math.max(0, Number(value ?? 0)) + this.tracker.pendingFor(tenantId, key).increments[metric];
      }
    } catch {
      // Falls through to the reconciled read, which tolerates an unavailable Redis.
    } finally {
      clearTimeout(timer);
    }
    return (await this.read(tenantId, period)).counters[metric];
  }

  async readMany(tenantIds: readonly string[], period: UsagePeriod): Promise<ReconciledUsage[]> {
    const results: ReconciledUsage[] = [];
    for (let i = 0; i < tenantIds.length; i += READ_BATCH_SIZE) {
      results.push(...(await this.readBatch(tenantIds.slice(i, i + READ_BATCH_SIZE), period.toString())));
    }
    return results;
  }

  private async readBatch(tenantIds: readonly string[], period: string): Promise<ReconciledUsage[]> {
    return this.reconcileBatch(tenantIds, period, await this.records.findMany(tenantIds, period));
  }

  private async reconcileBatch(
    tenantIds: readonly string[],
    period: string,
    persisted: ReadonlyMap<string, PersistedUsage>,
  ): Promise<ReconciledUsage[]> {
    // MongoDB first, then Redis: a sync landing in between then shows up as a baselined hash (max), never as
    // persisted values counted twice (persisted + since-restart counts that the sync already included).
    const open = tenantIds.filter((tenantId) => persisted.get(tenantId)?.closed !== true);
    const states = await this.readRedis(open, period);
    return tenantIds.map((tenantId) => {
      const record = persisted.get(tenantId);
      if (record?.closed === true) return { tenantId, counters: record.counters, closed: true };
      return this.reconciled(tenantId, period, record, states.get(tenantId));
    });
  }

  /** An open period: both copies reconciled, plus what this process still holds for Redis. */
  private reconciled(
    tenantId: string,
    period: string,
    record: PersistedUsage | undefined,
    state: RedisUsageState | undefined,
  ): ReconciledUsage {
    const pending = this.tracker.pendingFor(tenantId, period);
    const counters = addUsage(reconcile(record, state), {
      ...pending.increments,
      storage_bytes: pending.storageBytes,
    });
    return { tenantId, counters, closed: false };
  }

  /** Month close only takes periods that ended at least the close grace ago (UsageMonthCloseService). */
  private cannotBeClosedYet(period: UsagePeriod): boolean {
    const firstOpen = UsagePeriod.containing(
      new Date(this.clock.now().getTime() - this.options.closeGraceMs),
    );
    return !firstOpen.isAfter(period);
  }

  /** The tenants' hashes, or nothing when Redis is unavailable (reads then fall back to MongoDB). */
  private async readRedis(
    tenantIds: readonly string[],
    period: string,
  ): Promise<Map<string, RedisUsageState>> {
    const states = new Map<string, RedisUsageState>();
    if (tenantIds.length === 0) return states;
    // One HGETALL per tenant, not a pipeline: tenants' hashes live on different cluster slots. Auto-pipelining
    // still sends them in one write per node.
    const reads = Promise.all(
      tenantIds.map((tenantId) =>
        this.redis.hgetall(usageHashKey(tenantId, period)).then(
          (hash): [Error | null, unknown] => [null, hash],
          (error: Error): [Error | null, unknown] => [error, null],
        ),
      ),
    );
    let timer: NodeJS.Timeout | undefined;
    try {
      const results = await Promise.race([
        reads,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('usage read timed out')), this.options.redisTimeoutMs);
        }),
      ]);
      tenantIds.forEach((tenantId, index) => {
        const [error, hash] = results?.[index] ?? [new Error('missing reply'), null];
        if (error === null && hash !== null && typeof hash === 'object') {
          states.set(tenantId, toRedisUsageState(hash as Record<string, string>));
        }
      });
    } catch {
      // Redis unavailable: MongoDB (at most one sync interval behind) plus this process's buffer answers.
    } finally {
      clearTimeout(timer);
    }
    return states;
  }
}

/** The usage both copies agree on at least. */
export function reconcile(
  persisted: PersistedUsage | undefined,
  state: RedisUsageState | undefined,
): UsageCounters {
  const base = persisted?.counters ?? ZERO_USAGE;
  if (state === undefined || !state.exists) return base;
  // A hash without its baseline holds only counts made since Redis lost the period: they come on top, unless
  // it is an older copy holding what MongoDB counts (as its seeding will decide).
  const absolute = state.hasBaseline || mayHoldPersistedIncrements(state, persisted?.producers ?? {});
  return absolute ? maxUsage(state.counters, base) : addUsage(base, state.counters);
}
