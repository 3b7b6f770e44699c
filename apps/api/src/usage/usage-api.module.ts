import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { UsageModule } from '@tenantpay/usage';
import { AdminUsageController } from './admin-usage.controller';
import { UsageController } from './usage.controller';
import { UsageInterceptor } from './usage.interceptor';

/** Usage reads (tenant and billing) and per-request metering. */
@Module({
  imports: [UsageModule.forRoot({ reports: true })],
  controllers: [UsageController, AdminUsageController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: UsageInterceptor }],
})
export class UsageApiModule {}
