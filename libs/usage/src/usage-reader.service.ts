import { Inject, Injectable } from '@nestjs/common';
import { REDIS_CLIENT } from '@tenantpay/platform';
import type Redis from 'ioredis';

import { type RedisUsageState, toRedisUsageState } from './usage-baseline.service';
import { addUsage, maxUsage, type UsageCounters, ZERO_USAGE } from './usage-counters';
import { USAGE_OPTIONS, type UsageOptions } from './usage-options';
import type { UsagePeriod } from './usage-period';
import { type PersistedUsage, UsageRecordsRepository } from './usage-records.repository';
import { UsageTrackerService } from './usage-tracker.service';
import { USAGE_BASELINE_FIELD, usageHashKey } from './usage.constant';

export interface ReconciledUsage {
  readonly tenantId: string;
  readonly counters: UsageCounters;
  /** Closed periods are final: their numbers come from MongoDB only. */
  readonly closed: boolean;
}

const READ_BATCH_SIZE = 500;

/**
 * Reads usage by reconciling Redis (current, possibly ahead) with MongoDB (durable, possibly behind): a read
 * never reports less than was persisted, even right after Redis lost its data, and adds what this process
 * still holds for Redis. Old periods whose hashes expired are served from MongoDB alone.
 */
@Injectable()
export class UsageReaderService {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(USAGE_OPTIONS) private readonly options: UsageOptions,
    private readonly records: UsageRecordsRepository,
    private readonly tracker: UsageTrackerService,
  ) {}

  async read(tenantId: string, period: UsagePeriod): Promise<ReconciledUsage> {
    const [usage] = await this.readMany([tenantId], period);
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
    // MongoDB first, then Redis: a sync landing in between then shows up as a baselined hash (max), never as
    // persisted values counted twice (persisted + since-restart counts that the sync already included).
    const persisted = await this.records.findMany(tenantIds, period);
    const open = tenantIds.filter((tenantId) => persisted.get(tenantId)?.closed !== true);
    const states = await this.readRedis(open, period);
    return tenantIds.map((tenantId) => {
      const record = persisted.get(tenantId);
      if (record?.closed === true) return { tenantId, counters: record.counters, closed: true };
      const pending = this.tracker.pendingFor(tenantId, period);
      const counters = addUsage(reconcile(record, states.get(tenantId)), {
        ...pending.increments,
        storage_bytes: pending.storageBytes,
      });
      return { tenantId, counters, closed: false };
    });
  }

  /** The tenants' hashes, or nothing when Redis is unavailable (reads then fall back to MongoDB). */
  private async readRedis(
    tenantIds: readonly string[],
    period: string,
  ): Promise<Map<string, RedisUsageState>> {
    const states = new Map<string, RedisUsageState>();
    if (tenantIds.length === 0) return states;
    const pipeline = this.redis.pipeline();
    for (const tenantId of tenantIds) pipeline.hgetall(usageHashKey(tenantId, period));
    let timer: NodeJS.Timeout | undefined;
    try {
      const results = await Promise.race([
        pipeline.exec(),
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
  // A hash without its baseline holds only counts made since Redis lost the period: they come on top.
  return state.hasBaseline ? maxUsage(state.counters, base) : addUsage(base, state.counters);
}
