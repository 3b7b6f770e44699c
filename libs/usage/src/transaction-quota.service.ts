import { Injectable } from '@nestjs/common';
import type { TransactionQuota } from '@tenantpay/payments';
import { type TenantSnapshot, UNLIMITED } from '@tenantpay/tenancy';

import { QuotaExceededException } from './quota-exceeded.exception';
import { UsageAlertService } from './usage-alert.service';
import { UsagePeriod } from './usage-period';
import { UsageReaderService } from './usage-reader.service';
import { UsageTrackerService } from './usage-tracker.service';
import { TRANSACTION_EVENT_TTL_SECONDS, USAGE_ALERT_THRESHOLDS } from './usage.constant';

/**
 * `TransactionQuota` for the payments library: the monthly transaction quota (`transactionsPerMonth` of the
 * tenant's effective limits; unlimited is never checked) and the `transactions` count, once per payment id,
 * with the 80% / 100% alerts.
 *
 * `reserve` checks the count before creation; it does not hold a slot, so payments created concurrently by
 * the last few requests of a period can pass the check together and exceed the quota by at most that many.
 * That is the trade-off for not making every creation wait on a Redis reservation that would have to be
 * released when creation fails.
 */
@Injectable()
export class TransactionQuotaService implements TransactionQuota {
  constructor(
    private readonly tracker: UsageTrackerService,
    private readonly reader: UsageReaderService,
    private readonly alerts: UsageAlertService,
  ) {}

  async reserve(tenant: TenantSnapshot, count = 1): Promise<void> {
    const limit = tenant.limits.transactionsPerMonth;
    if (limit === UNLIMITED) return;
    const now = this.tracker.now();
    const period = UsagePeriod.containing(now);
    const used = await this.reader.currentValue(tenant.id, period, 'transactions');
    if (used + count > limit)
      throw new QuotaExceededException('transactions', limit, period.toString(), period.end, now);
  }

  async recordCreated(tenant: TenantSnapshot, paymentId: string): Promise<void> {
    const limit = tenant.limits.transactionsPerMonth;
    const period = UsagePeriod.containing(this.tracker.now()).toString();
    const recorded = await this.tracker.record(
      {
        tenantId: tenant.id,
        period,
        eventId: `payment.${paymentId}`,
        increments: { transactions: 1 },
        eventTtlSeconds: TRANSACTION_EVENT_TTL_SECONDS,
      },
      limit === UNLIMITED ? undefined : { metric: 'transactions', limit, thresholds: USAGE_ALERT_THRESHOLDS },
    );
    if (limit === UNLIMITED || recorded.reachedThresholds.length === 0) return;
    await this.alerts.raise({
      tenantId: tenant.id,
      period,
      metric: 'transactions',
      limit,
      value: recorded.value ?? 0,
      thresholds: recorded.reachedThresholds,
    });
  }
}
