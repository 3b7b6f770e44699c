import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditAction, AuditService } from '@tenantpay/audit';
import { REDIS_CLIENT, type RedisClient } from '@tenantpay/platform';

import type { UsageCounters } from './usage-counters';
import { UsageMetrics } from './usage-metrics';
import { UsageRecordsRepository } from './usage-records.repository';
import { USAGE_REDIS_SENTINEL_KEY } from './usage.constant';

/**
 * How a loss was noticed: the sentinel gone (Redis emptied, whoever had usage); a tenant-period's hash
 * recreated without its baseline although MongoDB holds usage for it; a hash with its baseline behind MongoDB
 * (Redis came back from an older copy of its data).
 */
export type UsageDataLossDetection = 'sentinel' | 'period_missing' | 'period_behind';

/**
 * Detects and reports Redis losing usage data. MongoDB stays the floor whatever happens (records only rise,
 * and the hash is re-based on them: UsageBaselineService), so the loss is bounded to what was counted since
 * the last sync; this makes that loss visible: a Prometheus counter to alert on, and an audit event per
 * detection (platform-wide for the sentinel, the tenant's own for a tenant-period) for billing to review.
 */
@Injectable()
export class UsageDataLossService {
  private readonly logger = new Logger(UsageDataLossService.name);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    private readonly records: UsageRecordsRepository,
    private readonly audit: AuditService,
    private readonly metrics: UsageMetrics,
  ) {}

  /**
   * Writes the sentinel if it is missing; answers whether that means Redis lost its data (MongoDB already
   * held usage, so an earlier sync had written it). Called by the sync before each run.
   */
  async checkSentinel(): Promise<boolean> {
    const written = await this.redis.set(USAGE_REDIS_SENTINEL_KEY, new Date().toISOString(), 'NX');
    if (written === null || !(await this.records.hasAny())) return false;
    await this.report('sentinel', null, {});
    return true;
  }

  /** A tenant-period whose Redis hash lost counts that MongoDB had persisted. */
  async reportPeriod(
    detectedBy: Exclude<UsageDataLossDetection, 'sentinel'>,
    tenantId: string,
    period: string,
    persisted: UsageCounters,
    redisAfterRepair: UsageCounters,
  ): Promise<void> {
    await this.report(detectedBy, tenantId, { period, persisted, redisAfterRepair });
  }

  private async report(
    detectedBy: UsageDataLossDetection,
    tenantId: string | null,
    details: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    this.metrics.redisDataLoss.inc({ detected_by: detectedBy });
    this.logger.error({
      msg: 'Redis lost usage data: usage counted since the last sync to MongoDB is lost',
      detectedBy,
      tenantId,
      ...details,
    });
    const period = details['period'];
    await this.audit.record({
      action: AuditAction.UsageRedisDataLost,
      outcome: 'failure',
      tenantId,
      actor: { type: 'system' },
      ...(typeof period === 'string' ? { resource: { type: 'usage_period', id: period } } : {}),
      metadata: { detectedBy, ...details },
    });
  }
}
