import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS_CLIENT, RedisScript } from '@tenantpay/platform';
import type Redis from 'ioredis';

import { CLAIM_DIRTY_TENANTS_SCRIPT } from './claim-dirty-tenants.script';
import { UsageBaselineService } from './usage-baseline.service';
import { UsagePeriod } from './usage-period';
import { type UsageSnapshotToPersist, UsageRecordsRepository } from './usage-records.repository';
import {
  USAGE_HASH_TTL_SECONDS,
  USAGE_SYNC_SET_PATTERNS,
  usageDirtySetKey,
  usageSyncingSetKey,
} from './usage.constant';

const SYNC_BATCH_SIZE = 200;
const PERIOD_IN_SET_KEY = /^usage:(?:dirty|syncing):\{(\d{4}-\d{2})\}$/;

/**
 * Copies changed counters from Redis to MongoDB as absolute values (the worker runs it every few seconds).
 * Idempotent: records only rise (`$max`), so running it twice, concurrently, or out of order is harmless;
 * before copying, a hash that lost its baseline is seeded from MongoDB, so a Redis restart never writes
 * the small since-restart counts over the persisted ones.
 */
@Injectable()
export class UsageSyncService {
  private readonly logger = new Logger(UsageSyncService.name);
  private readonly claim = new RedisScript(CLAIM_DIRTY_TENANTS_SCRIPT);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly records: UsageRecordsRepository,
    private readonly baseline: UsageBaselineService,
  ) {}

  /** Syncs every period that has changed tenants; answers how many tenant-periods were copied. */
  async syncAll(): Promise<number> {
    let copied = 0;
    for (const period of await this.periodsWithChanges()) copied += await this.syncPeriod(period);
    return copied;
  }

  async syncPeriod(period: string): Promise<number> {
    const reply = await this.claim.evaluate(
      this.redis,
      [usageDirtySetKey(period), usageSyncingSetKey(period)],
      [USAGE_HASH_TTL_SECONDS],
    );
    const tenantIds = Array.isArray(reply) ? reply.map(String) : [];
    let copied = 0;
    for (let i = 0; i < tenantIds.length; i += SYNC_BATCH_SIZE) {
      copied += await this.syncTenants(tenantIds.slice(i, i + SYNC_BATCH_SIZE), period);
    }
    return copied;
  }

  private async syncTenants(tenantIds: readonly string[], period: string): Promise<number> {
    const persisted = await this.records.findMany(tenantIds, period);
    const snapshots: UsageSnapshotToPersist[] = [];
    for (const tenantId of tenantIds) {
      const record = persisted.get(tenantId) ?? null;
      // A closed period's numbers are final (reconciled against payments); late counts do not reopen it.
      if (record?.closed === true) continue;
      const state = await this.baseline.ensure(tenantId, period, record);
      if (state.exists) snapshots.push({ tenantId, period, counters: state.counters });
    }
    await this.records.raise(snapshots);
    if (tenantIds.length > 0) await this.redis.srem(usageSyncingSetKey(period), ...tenantIds);
    return snapshots.length;
  }

  private async periodsWithChanges(): Promise<string[]> {
    const periods = new Set<string>();
    for (const pattern of USAGE_SYNC_SET_PATTERNS) {
      for await (const keys of this.redis.scanStream({ match: pattern, count: 100 })) {
        for (const key of keys as string[]) {
          const period = PERIOD_IN_SET_KEY.exec(key)?.[1];
          if (period !== undefined && UsagePeriod.isValid(period)) periods.add(period);
          else this.logger.warn(`Ignoring an unexpected usage sync key`);
        }
      }
    }
    return [...periods].sort();
  }
}
