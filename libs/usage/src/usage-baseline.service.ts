import { Inject, Injectable } from '@nestjs/common';
import { REDIS_CLIENT, RedisScript, type RedisClient } from '@tenantpay/platform';

import { SEED_USAGE_BASELINE_SCRIPT } from './seed-usage-baseline.script';
import { USAGE_BASELINE_FIELD, usageHashKey } from './usage.constant';
import { type UsageCounters, usageFromHash, USAGE_METRICS, ZERO_USAGE } from './usage-counters';
import { UsageDataLossService } from './usage-data-loss.service';
import type { PersistedUsage } from './usage-records.repository';
import { UsageRecordsRepository } from './usage-records.repository';

/** What a tenant's usage hash holds: absolute values, or only what was counted since its baseline was lost. */
export interface RedisUsageState {
  readonly exists: boolean;
  readonly hasBaseline: boolean;
  readonly counters: UsageCounters;
}

/**
 * Keeps Redis counts continuous with MongoDB across Redis data loss: a hash without a baseline gets the
 * persisted values added to it once, a hash behind MongoDB is raised to it, so new increments continue from
 * what was persisted. Either repair after MongoDB had usage for the period is a detected loss, reported once
 * (the script's `HSETNX` or raise happens for one caller only).
 */
@Injectable()
export class UsageBaselineService {
  private readonly script = new RedisScript(SEED_USAGE_BASELINE_SCRIPT);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    private readonly records: UsageRecordsRepository,
    private readonly loss: UsageDataLossService,
  ) {}

  /**
   * Seeds or raises the hash from MongoDB as needed and answers its absolute counters. `persisted` may be
   * passed when the caller already read it (the sync reads a batch at once).
   */
  async ensure(
    tenantId: string,
    period: string,
    persisted?: PersistedUsage | null,
  ): Promise<RedisUsageState> {
    const base = persisted === undefined ? await this.records.find(tenantId, period) : persisted;
    const counters = base?.counters ?? ZERO_USAGE;
    const reply = await this.script.evaluate(
      this.redis,
      [usageHashKey(tenantId, period)],
      [counters.api_calls, counters.transactions, counters.storage_bytes, counters.bandwidth_bytes],
    );
    const [seeded, raised, ...fields] = Array.isArray(reply) ? reply : [];
    const state = toRedisUsageState(pairsToRecord(fields));
    if (raised === 1) {
      await this.loss.reportPeriod('period_behind', tenantId, period, counters, state.counters);
    } else if (seeded === 1 && USAGE_METRICS.some((metric) => counters[metric] > 0)) {
      await this.loss.reportPeriod('period_missing', tenantId, period, counters, state.counters);
    }
    return state;
  }
}

export function toRedisUsageState(hash: Readonly<Record<string, string>>): RedisUsageState {
  return {
    exists: Object.keys(hash).length > 0,
    hasBaseline: hash[USAGE_BASELINE_FIELD] !== undefined,
    counters: usageFromHash(hash),
  };
}

function pairsToRecord(pairs: readonly unknown[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (let i = 0; i + 1 < pairs.length; i += 2) record[String(pairs[i])] = String(pairs[i + 1]);
  return record;
}
