import { Inject, Injectable, Logger, Optional } from '@nestjs/common';

import { TRANSACTION_COUNTER, type TransactionCounter } from './transaction-counter.port';
import { USAGE_CLOCK, type UsageClock } from './usage-clock';
import { USAGE_OPTIONS, type UsageOptions } from './usage-options';
import { UsagePeriod } from './usage-period';
import { UsageRecordsRepository } from './usage-records.repository';
import { UsageSyncService } from './usage-sync.service';

const CLOSE_BATCH_SIZE = 200;

/**
 * Closes periods once their grace period has passed: a last sync, then `transactions` is set to the
 * authoritative count of payments created in the period (metering may have lost up to one sync interval to
 * a Redis failure, or counted a timed-out event twice), the metered value is kept beside it, and the record
 * is frozen. The worker binds the TransactionCounter; without one (the API process) nothing is closed, since
 * a frozen period with unreconciled counts could never be corrected.
 */
@Injectable()
export class UsageMonthCloseService {
  private readonly logger = new Logger(UsageMonthCloseService.name);

  constructor(
    private readonly records: UsageRecordsRepository,
    private readonly sync: UsageSyncService,
    @Inject(USAGE_OPTIONS) private readonly options: UsageOptions,
    @Inject(USAGE_CLOCK) private readonly clock: UsageClock,
    // Optional for the processes that only meter (the API); closing requires it.
    @Optional() @Inject(TRANSACTION_COUNTER) private readonly counter?: TransactionCounter,
  ) {}

  /** Closes every due period; answers how many tenant-periods were closed. */
  async closeDuePeriods(): Promise<number> {
    const counter = this.counter;
    if (counter === undefined) throw new Error('Month close needs a bound TRANSACTION_COUNTER (payments)');
    const now = this.clock.now();
    // Periods strictly before this one have ended at least the grace period ago.
    const firstOpen = UsagePeriod.containing(new Date(now.getTime() - this.options.closeGraceMs));
    await this.sync.syncAll();
    let closed = 0;
    for (;;) {
      const due = await this.records.findOpenBefore(firstOpen.toString(), CLOSE_BATCH_SIZE);
      if (due.length === 0) return closed;
      for (const record of due) {
        const period = UsagePeriod.parse(record.period);
        const metered = record.counters.transactions;
        const authoritative = await counter.countCreatedInPeriod(record.tenantId, period);
        if (authoritative !== metered) {
          this.logger.warn({
            msg: 'usage transactions corrected at month close',
            tenantId: record.tenantId,
            period: record.period,
            metered,
            authoritative,
          });
        }
        if (await this.records.close(record.tenantId, record.period, authoritative, now)) closed += 1;
      }
    }
  }
}
