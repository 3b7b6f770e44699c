import { Inject, Injectable, Logger } from '@nestjs/common';
import type { StorageUsage } from '@tenantpay/payments';
import { REDIS_CLIENT, RedisScript, type RedisClient } from '@tenantpay/platform';
import type { TenantSnapshot } from '@tenantpay/tenancy';

import { RECORD_STORAGE_GROWTH_SCRIPT } from './record-storage-growth.script';
import { ChangedUsageShards } from './changed-usage-shards.service';
import type { StorageTotal } from './storage-total';
import { UsageBaselineService } from './usage-baseline.service';
import { UsageDirtyShards } from './usage-dirty-shards';
import { UsagePeriod } from './usage-period';
import { type SequencedStream, UsageProducer } from './usage-producer.service';
import { UsageRecordsRepository } from './usage-records.repository';
import { UsageTrackerService } from './usage-tracker.service';
import {
  STORAGE_TOTAL_TTL_SECONDS,
  storageTotalKey,
  USAGE_HASH_TTL_SECONDS,
  usageDirtyMember,
  usageDirtySetKey,
  usageHashKey,
} from './usage.constant';

interface PendingGrowth {
  /** Its tenant, its period (decided at the first attempt, so a retry after a month boundary keeps its
   * producer marks) and its producer sequence. */
  readonly stream: SequencedStream;
  readonly bytes: number;
}

/** Growth attempts kept while Redis is unavailable; each keeps its sequence, so a retry never counts twice. */
const MAX_PENDING_GROWTH = 10_000;

/** Replies of RECORD_STORAGE_GROWTH_SCRIPT. */
const APPLIED = 1;
const NEEDS_PERSISTED_TOTAL = 0;
const NEEDS_USAGE_BASELINE = -1;

/**
 * `StorageUsage` for the payments library: growth of a tenant's stored documents moves its running total,
 * and the period's `storage_bytes` gauge rises to the total (the most stored during the period). Growth that
 * cannot reach Redis waits in process and is retried under its sequence with the buffer's drain. Exactly once
 * across a Redis data loss, as requests' increments are: a retry waits for the period's hash to be re-seeded
 * with the persisted producer marks, and a lost total is re-based on the persisted one (StorageTotal).
 */
@Injectable()
export class StorageUsageService implements StorageUsage {
  private readonly logger = new Logger(StorageUsageService.name);
  private readonly script = new RedisScript(RECORD_STORAGE_GROWTH_SCRIPT);
  private pending: PendingGrowth[] = [];

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    private readonly tracker: UsageTrackerService,
    private readonly records: UsageRecordsRepository,
    private readonly baseline: UsageBaselineService,
    private readonly producer: UsageProducer,
    private readonly changedShards: ChangedUsageShards,
  ) {
    tracker.onDrain(() => void this.retryPending());
  }

  async recordGrowth(tenant: TenantSnapshot, bytes: number): Promise<void> {
    if (!Number.isSafeInteger(bytes) || bytes === 0) return;
    const period = UsagePeriod.containing(this.tracker.now()).toString();
    await this.write({ stream: this.producer.issue(tenant.id, period), bytes }, false);
  }

  private async retryPending(): Promise<void> {
    const waiting = this.pending;
    this.pending = [];
    for (const growth of waiting) await this.write(growth, true);
  }

  /** `retry`: the growth's first write may have landed, and been copied to MongoDB before Redis lost it. */
  private async write(growth: PendingGrowth, retry: boolean): Promise<void> {
    const { tenantId, period } = growth.stream;
    try {
      let reply = await this.evaluate(growth, retry, null);
      if (reply === NEEDS_USAGE_BASELINE) {
        await this.baseline.ensure(tenantId, period);
        reply = await this.evaluate(growth, retry, null);
      }
      if (reply === NEEDS_PERSISTED_TOTAL) {
        reply = await this.evaluate(growth, retry, await this.records.persistedStorageTotal(tenantId));
      }
      // Another loss between the calls: keep the growth for the next retry.
      if (reply !== APPLIED) throw new Error(`storage growth not applied (reply ${String(reply)})`);
      this.producer.settle(growth.stream);
    } catch (error) {
      this.producer.hold(growth.stream);
      this.pending.push(growth);
      if (this.pending.length > MAX_PENDING_GROWTH) {
        const dropped = this.pending.shift();
        if (dropped !== undefined) this.producer.settle(dropped.stream);
        this.logger.error('Storage usage buffer full: dropped the oldest growth');
      }
      this.logger.warn(`Storage usage kept in process until Redis answers: ${describe(error)}`);
    }
  }

  private evaluate(growth: PendingGrowth, retry: boolean, persisted: StorageTotal | null): Promise<unknown> {
    const { tenantId, period } = growth.stream;
    const claim = this.producer.claimOf(growth.stream);
    const shardTag = UsageDirtyShards.tagFor(tenantId);
    this.changedShards.note(shardTag);
    return this.script.evaluate(
      this.redis,
      [storageTotalKey(tenantId), usageHashKey(tenantId, period), claim.marksKey, usageDirtySetKey(shardTag)],
      [
        growth.bytes,
        retry ? '1' : '0',
        persisted === null ? '' : persisted.grown - persisted.shrunk,
        persisted?.shrunk ?? 0,
        USAGE_HASH_TTL_SECONDS,
        claim.marksTtlSeconds,
        usageDirtyMember(period, tenantId),
        STORAGE_TOTAL_TTL_SECONDS,
        claim.sequence,
        claim.floor,
        claim.floorField,
      ],
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
