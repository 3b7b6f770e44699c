import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '@tenantpay/audit';

import { ChangedUsageShards } from './changed-usage-shards.service';
import { RequestUsageMeter } from './request-usage-meter.service';
import { StorageUsageService } from './storage-usage.service';
import { TransactionQuotaService } from './transaction-quota.service';
import { UsageAlertService } from './usage-alert.service';
import { UsageBaselineService } from './usage-baseline.service';
import { UsageDataLossService } from './usage-data-loss.service';
import { SYSTEM_USAGE_CLOCK, USAGE_CLOCK, type UsageClock } from './usage-clock';
import { UsageMetrics } from './usage-metrics';
import { UsageMonthCloseService } from './usage-month-close.service';
import { USAGE_OPTIONS, type UsageOptions, usageOptions } from './usage-options';
import { UsageProducer } from './usage-producer.service';
import { UsageReaderService } from './usage-reader.service';
import { USAGE_RECORD_MODEL, UsageRecordSchema } from './usage-record.schema';
import { UsageRecordsRepository } from './usage-records.repository';
import { UsageReportService } from './usage-report.service';
import { UsageSyncService } from './usage-sync.service';
import { UsageTrackerService } from './usage-tracker.service';

export interface UsageModuleOptions extends Partial<UsageOptions> {
  /** Which month it is; tests stand at period boundaries with a fixed clock. */
  readonly clock?: UsageClock;
  /**
   * Providers for the ports: `TRANSACTION_COUNTER` (payments' authoritative count, for month close) and
   * `USAGE_EVENT_PUBLISHER` (tenant webhooks), with `imports` for the modules they come from.
   */
  readonly providers?: Provider[];
  readonly imports?: DynamicModule['imports'];
  /** The API adds the reports (they need tenancy's TenantAdminService); the worker does not. */
  readonly reports?: boolean;
}

const CORE_EXPORTS = [
  UsageProducer,
  UsageTrackerService,
  RequestUsageMeter,
  UsageReaderService,
  TransactionQuotaService,
  StorageUsageService,
  UsageSyncService,
  UsageMonthCloseService,
  UsageMetrics,
  USAGE_OPTIONS,
  USAGE_CLOCK,
];

/**
 * Usage metering (SPEC §8). Global and imported once per process (`forRoot`): one outage buffer and one
 * drain timer per process. Needs PlatformCoreModule (MongoDB, Redis) and, with `reports`, TenancyModule.
 */
@Module({})
export class UsageModule {
  static forRoot(options: UsageModuleOptions = {}): DynamicModule {
    const { clock, providers, imports, reports, ...tuning } = options;
    return {
      module: UsageModule,
      global: true,
      imports: [
        MongooseModule.forFeature([{ name: USAGE_RECORD_MODEL, schema: UsageRecordSchema }]),
        AuditModule,
        ...(imports ?? []),
      ],
      providers: [
        { provide: USAGE_OPTIONS, useValue: usageOptions(tuning) },
        { provide: USAGE_CLOCK, useValue: clock ?? SYSTEM_USAGE_CLOCK },
        UsageMetrics,
        UsageProducer,
        ChangedUsageShards,
        UsageRecordsRepository,
        UsageDataLossService,
        UsageBaselineService,
        UsageTrackerService,
        RequestUsageMeter,
        UsageReaderService,
        UsageAlertService,
        TransactionQuotaService,
        StorageUsageService,
        UsageSyncService,
        UsageMonthCloseService,
        ...(reports === true ? [UsageReportService] : []),
        ...(providers ?? []),
      ],
      exports: [...CORE_EXPORTS, ...(reports === true ? [UsageReportService] : [])],
    };
  }
}
