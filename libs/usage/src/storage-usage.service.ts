import { Inject, Injectable, Logger } from '@nestjs/common';
import type { StorageUsage } from '@tenantpay/payments';
import { REDIS_CLIENT, RedisScript, type RedisClient } from '@tenantpay/platform';
import type { TenantSnapshot } from '@tenantpay/tenancy';

import { RECORD_STORAGE_GROWTH_SCRIPT } from './record-storage-growth.script';
import { ChangedUsageShards } from './changed-usage-shards.service';
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

/**
 * `StorageUsage` for the payments library: growth of a tenant's stored documents moves its running total,
 * and the period's `storage_bytes` gauge rises to the total (the most stored during the period). Growth that
 * cannot reach Redis waits in process and is retried under its sequence with the buffer's drain.
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
    private readonly producer: UsageProducer,
    private readonly changedShards: ChangedUsageShards,
  ) {
    tracker.onDrain(() => void this.retryPending());
  }

  async recordGrowth(tenant: TenantSnapshot, bytes: number): Promise<void> {
    if (!Number.isSafeInteger(bytes) || bytes === 0) return;
    const period = UsagePeriod.containing(this.tracker.now()).toString();
    await this.write({ stream: this.producer.issue(tenant.id, period), bytes });
  }

  private async retryPending(): Promise<void> {
    const waiting = this.pending;
    this.pending = [];
    for (const growth of waiting) await this.write(growth);
  }

  private async write(growth: PendingGrowth): Promise<void> {
    try {
      if ((await this.evaluate(growth, '')) !== 1) {
        const baseline = await this.records.latestStorageBytes(growth.stream.tenantId);
        await this.evaluate(growth, baseline);
      }
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

  private evaluate(growth: PendingGrowth, baseline: number | ''): Promise<unknown> {
    const { tenantId, period } = growth.stream;
    const claim = this.producer.claimOf(growth.stream);
    const shardTag = UsageDirtyShards.tagFor(tenantId);
    this.changedShards.note(shardTag);
    return this.script.evaluate(
      this.redis,
      [storageTotalKey(tenantId), usageHashKey(tenantId, period), claim.marksKey, usageDirtySetKey(shardTag)],
      [
        growth.bytes,
        baseline,
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
