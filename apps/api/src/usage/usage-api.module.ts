import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { USAGE_EVENT_PUBLISHER, UsageModule } from '@tenantpay/usage';
import { WebhooksModule } from '@tenantpay/webhooks';
import { AdminUsageAnalyticsController } from './admin-usage-analytics.controller';
import { AdminUsageController } from './admin-usage.controller';
import { UsageController } from './usage.controller';
import { UsageInterceptor } from './usage.interceptor';
import { UsageThresholdPublisher } from './usage-threshold.publisher';

/** Usage reads (tenant and billing) and per-request metering. */
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
  controllers: [UsageController, AdminUsageController, AdminUsageAnalyticsController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: UsageInterceptor }],
})
export class UsageApiModule {}
