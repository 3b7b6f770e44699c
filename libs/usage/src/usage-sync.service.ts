import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS_CLIENT, RedisScript, type RedisClient } from '@tenantpay/platform';

import { ChangedUsageShards } from './changed-usage-shards.service';
import { CLAIM_DIRTY_TENANTS_SCRIPT } from './claim-dirty-tenants.script';
import { UsageBaselineService } from './usage-baseline.service';
import { UsageDataLossService } from './usage-data-loss.service';
import { UsageDirtyShards } from './usage-dirty-shards';
import { UsagePeriod } from './usage-period';
import { type UsageSnapshotToPersist, UsageRecordsRepository } from './usage-records.repository';
import {
  USAGE_FULL_WALK_AFTER_GAP_MS,
  USAGE_FULL_WALK_EVERY_MS,
  USAGE_HASH_TTL_SECONDS,
  usageDirtySetKey,
  usageSyncingSetKey,
} from './usage.constant';

const SYNC_BATCH_SIZE = 200;
/** Shards probed at once while walking: bounds the commands in flight, not the walk. */
const SHARD_PROBE_BATCH_SIZE = 1_024;
const DIRTY_MEMBER = /^(\d{4}-\d{2}):(.+)$/;

/**
 * Copies changed counters from Redis to MongoDB as absolute values (the worker runs it every few seconds).
 * Idempotent: records only rise (`$max`), so running it twice, concurrently, or out of order is harmless;
 * before copying, a hash that lost its baseline is seeded from MongoDB (and one behind MongoDB raised to it),
 * so a Redis restart never writes the small since-restart counts over the persisted ones: MongoDB totals are
 * what was persisted before the loss plus what was counted after it. The producer marks are copied in the same
 * read as the counters they account for, and restored with them (see CLAIM_PRODUCER_SEQUENCE_LUA), so a replay
 * of an increment already copied is not counted again after a loss. Each run first checks the sentinel, so
 * Redis losing its data is reported even for tenants that send nothing afterwards.
 *
 * It finds work in the shards producers noted as changing (ChangedUsageShards). At its first run in a process,
 * after a gap too long for the notes' window, and every few minutes, it probes the whole fixed list of dirty
 * shards instead (one `EXISTS` per shard, each in its own slot), which finds what a lost note would hide and
 * what a crashed sync left in a syncing set. Redis Cluster safe: no key scans, and every script it runs
 * touches one shard or one tenant.
 */
@Injectable()
export class UsageSyncService {
  private readonly logger = new Logger(UsageSyncService.name);
  private readonly claim = new RedisScript(CLAIM_DIRTY_TENANTS_SCRIPT);
  private lastCompletedRunAt: number | undefined;
  private lastFullWalkAt: number | undefined;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    private readonly records: UsageRecordsRepository,
    private readonly baseline: UsageBaselineService,
    private readonly loss: UsageDataLossService,
    private readonly changedShards: ChangedUsageShards,
  ) {}

  /** Syncs every changed tenant-period; answers how many were copied. */
  async syncAll(): Promise<number> {
    const startedAt = Date.now();
    // Redis lost its data, and the notes of what changed with it: look everywhere.
    if (await this.loss.checkSentinel()) this.lastFullWalkAt = undefined;
    const shards = await this.shardsWithChanges(startedAt);
    // Until this run completes, its claims sit in syncing sets that only a walk of every shard is sure to find.
    this.lastCompletedRunAt = undefined;
    let copied = 0;
    for (const shardTag of shards) copied += await this.syncShard(shardTag);
    this.lastCompletedRunAt = startedAt;
    return copied;
  }

  private async syncShard(shardTag: string): Promise<number> {
    const syncingKey = usageSyncingSetKey(shardTag);
    const reply = await this.claim.evaluate(
      this.redis,
      [usageDirtySetKey(shardTag), syncingKey],
      [USAGE_HASH_TTL_SECONDS],
    );
    const byPeriod = new Map<string, { tenantIds: string[]; members: string[] }>();
    for (const member of Array.isArray(reply) ? reply.map(String) : []) {
      const [, period = '', tenantId = ''] = DIRTY_MEMBER.exec(member) ?? [];
      if (!UsagePeriod.isValid(period)) {
        this.logger.warn('Dropping an unexpected usage dirty-shard member');
        await this.redis.srem(syncingKey, member);
        continue;
      }
      const group = byPeriod.get(period) ?? { tenantIds: [], members: [] };
      group.tenantIds.push(tenantId);
      group.members.push(member);
      byPeriod.set(period, group);
    }
    let copied = 0;
    for (const [period, { tenantIds, members }] of byPeriod) {
      for (let i = 0; i < tenantIds.length; i += SYNC_BATCH_SIZE) {
        copied += await this.syncTenants(tenantIds.slice(i, i + SYNC_BATCH_SIZE), period);
        await this.redis.srem(syncingKey, ...members.slice(i, i + SYNC_BATCH_SIZE));
      }
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
      snapshots.push({
        tenantId,
        period,
        counters: state.counters,
        producers: state.producerMarks,
        persistedProducers: record?.producers ?? {},
        storageTotal: state.storageTotal,
      });
    }
    await this.records.raise(snapshots);
    return snapshots.length;
  }

  /** Shards that may hold changes: the noted ones, or every shard whose dirty or syncing set exists. */
  private async shardsWithChanges(now: number): Promise<readonly string[]> {
    const walkEverything =
      this.lastCompletedRunAt === undefined ||
      now - this.lastCompletedRunAt > USAGE_FULL_WALK_AFTER_GAP_MS ||
      this.lastFullWalkAt === undefined ||
      now - this.lastFullWalkAt > USAGE_FULL_WALK_EVERY_MS;
    if (!walkEverything) return this.changedShards.recent(now);
    const found = await this.walkAllShards();
    this.lastFullWalkAt = now;
    return found;
  }

  /** Shards whose dirty or syncing set exists (a crashed sync leaves the latter), in slot order. */
  private async walkAllShards(): Promise<string[]> {
    const tags = UsageDirtyShards.all();
    const found: string[] = [];
    for (let i = 0; i < tags.length; i += SHARD_PROBE_BATCH_SIZE) {
      const batch = tags.slice(i, i + SHARD_PROBE_BATCH_SIZE);
      const counts = await Promise.all(
        batch.map((tag) => this.redis.exists(usageDirtySetKey(tag), usageSyncingSetKey(tag))),
      );
      batch.forEach((tag, index) => {
        if ((counts[index] ?? 0) > 0) found.push(tag);
      });
    }
    return found;
  }
}
