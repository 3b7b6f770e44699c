import { Module } from '@nestjs/common';
import { USAGE_EVENT_PUBLISHER, UsageModule } from '@tenantpay/usage';
import { WebhooksModule } from '@tenantpay/webhooks';
import { AdminTenantUsageController } from './admin-tenant-usage.controller';
import { AdminUsageAnalyticsController } from './admin-usage-analytics.controller';
import { AdminUsageController } from './admin-usage.controller';
import { UsageController } from './usage.controller';
import { UsageThresholdPublisher } from './usage-threshold.publisher';

/** Usage reads (tenant and billing); per-request metering is UsageMeteringGuard, last in API_GUARD_ORDER. */
@Module({
  imports: [
    UsageModule.forRoot({
      reports: true,
      imports: [WebhooksModule],
      providers: [
        UsageThresholdPublisher,
        { provide: USAGE_EVENT_PUBLISHER, useExisting: UsageThresholdPublisher },
      ],
    }),
  ],
  controllers: [
    UsageController,
    AdminUsageController,
    AdminUsageAnalyticsController,
    AdminTenantUsageController,
  ],
})
export class UsageApiModule {}
