import { randomBytes } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import type { StorageUsage } from '@tenantpay/payments';
import { REDIS_CLIENT, RedisScript } from '@tenantpay/platform';
import type { TenantSnapshot } from '@tenantpay/tenancy';
import type Redis from 'ioredis';

import { RECORD_STORAGE_GROWTH_SCRIPT } from './record-storage-growth.script';
import { UsageDirtyShards } from './usage-dirty-shards';
import { UsagePeriod } from './usage-period';
import { UsageRecordsRepository } from './usage-records.repository';
import { UsageTrackerService } from './usage-tracker.service';
import {
  STORAGE_TOTAL_TTL_SECONDS,
  storageTotalKey,
  TRANSACTION_EVENT_TTL_SECONDS,
  USAGE_HASH_TTL_SECONDS,
  usageDirtyMember,
  usageDirtySetKey,
  usageEventKey,
  usageHashKey,
} from './usage.constant';

interface PendingGrowth {
  readonly tenantId: string;
  /** Decided at the first attempt, so a retry after a month boundary keeps its event id's key. */
  readonly period: string;
  readonly eventId: string;
  readonly bytes: number;
}

/** Growth attempts kept while Redis is unavailable; each keeps its event id, so a retry never counts twice. */
const MAX_PENDING_GROWTH = 10_000;

/**
 * `StorageUsage` for the payments library: growth of a tenant's stored documents moves its running total,
 * and the period's `storage_bytes` gauge rises to the total (the most stored during the period). Growth that
 * cannot reach Redis waits in process and is retried under its event id with the buffer's drain.
 */
@Injectable()
export class StorageUsageService implements StorageUsage {
  private readonly logger = new Logger(StorageUsageService.name);
  private readonly script = new RedisScript(RECORD_STORAGE_GROWTH_SCRIPT);
  private pending: PendingGrowth[] = [];
  private readonly nonce = randomBytes(6).toString('base64url');
  private sequence = 0;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly tracker: UsageTrackerService,
    private readonly records: UsageRecordsRepository,
  ) {
    tracker.onDrain(() => void this.retryPending());
  }

  async recordGrowth(tenant: TenantSnapshot, bytes: number): Promise<void> {
    if (!Number.isSafeInteger(bytes) || bytes === 0) return;
    const period = UsagePeriod.containing(this.tracker.now()).toString();
    await this.write({ tenantId: tenant.id, period, eventId: this.nextEventId(), bytes });
  }

  private async retryPending(): Promise<void> {
    const waiting = this.pending;
    this.pending = [];
    for (const growth of waiting) await this.write(growth);
  }

  private async write(growth: PendingGrowth): Promise<void> {
    try {
      if ((await this.evaluate(growth, '')) === 1) return;
      const baseline = await this.records.latestStorageBytes(growth.tenantId);
      await this.evaluate(growth, baseline);
    } catch (error) {
      this.pending.push(growth);
      if (this.pending.length > MAX_PENDING_GROWTH) {
        this.pending.shift();
        this.logger.error('Storage usage buffer full: dropped the oldest growth');
      }
      this.logger.warn(`Storage usage kept in process until Redis answers: ${describe(error)}`);
    }
  }

  private evaluate(growth: PendingGrowth, baseline: number | ''): Promise<unknown> {
    const { tenantId, period } = growth;
    return this.script.evaluate(
      this.redis,
      [
        storageTotalKey(tenantId),
        usageHashKey(tenantId, period),
        usageEventKey(tenantId, period, growth.eventId),
        usageDirtySetKey(UsageDirtyShards.tagFor(tenantId)),
      ],
      [
        growth.bytes,
        baseline,
        USAGE_HASH_TTL_SECONDS,
        TRANSACTION_EVENT_TTL_SECONDS,
        usageDirtyMember(period, tenantId),
        STORAGE_TOTAL_TTL_SECONDS,
      ],
    );
  }

  private nextEventId(): string {
    this.sequence = (this.sequence + 1) % Number.MAX_SAFE_INTEGER;
    return `s.${this.nonce}.${this.sequence.toString(36)}`;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
