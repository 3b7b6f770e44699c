import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { AuditAction, AuditService } from '@tenantpay/audit';

import { USAGE_EVENT_PUBLISHER, type UsageEventPublisher } from './usage-event-publisher.port';
import type { UsageMetric } from './usage-counters';
import { UsageRecordsRepository } from './usage-records.repository';
import { USAGE_THRESHOLD_REACHED_EVENT } from './usage.constant';

export interface ThresholdsReached {
  readonly tenantId: string;
  readonly period: string;
  readonly metric: UsageMetric;
  readonly limit: number;
  readonly value: number;
  readonly thresholds: readonly number[];
}

/**
 * Raises one audit event and one tenant webhook event per threshold and period. The caller already won the
 * Redis flag (`SET NX`, one winner across instances); the MongoDB record's `notifiedThresholds` is a second
 * flag for when Redis lost its flags with its data, so a restart does not alert twice.
 */
@Injectable()
export class UsageAlertService {
  private readonly logger = new Logger(UsageAlertService.name);

  constructor(
    private readonly records: UsageRecordsRepository,
    private readonly audit: AuditService,
    @Optional() @Inject(USAGE_EVENT_PUBLISHER) private readonly publisher?: UsageEventPublisher,
  ) {}

  async raise(reached: ThresholdsReached): Promise<void> {
    for (const thresholdPercent of reached.thresholds) {
      let first: boolean;
      try {
        first = await this.records.markThresholdNotified(reached.tenantId, reached.period, thresholdPercent);
      } catch (error) {
        // The Redis flag already chose this caller; failing to persist it must not lose the alert.
        this.logger.warn(`Could not persist a usage threshold flag: ${describe(error)}`);
        first = true;
      }
      if (!first) continue;
      const data = {
        period: reached.period,
        metric: reached.metric,
        thresholdPercent,
        limit: reached.limit,
        value: reached.value,
        reachedAt: new Date().toISOString(),
      };
      await this.audit.record({
        action: AuditAction.UsageThresholdReached,
        outcome: 'success',
        tenantId: reached.tenantId,
        actor: { type: 'system' },
        resource: { type: 'usage_period', id: reached.period },
        metadata: data,
      });
      await this.publish({ type: USAGE_THRESHOLD_REACHED_EVENT, tenantId: reached.tenantId, data });
    }
  }

  private async publish(event: Parameters<UsageEventPublisher['publish']>[0]): Promise<void> {
    if (this.publisher === undefined) {
      this.logger.log({ msg: 'usage threshold reached (no webhook publisher bound)', event });
      return;
    }
    try {
      await this.publisher.publish(event);
    } catch (error) {
      this.logger.error({
        msg: 'usage threshold webhook event not published',
        event,
        reason: describe(error),
      });
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
