import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimitingModule } from '@tenantpay/rate-limiting';
import { ApiRateLimitGuard } from './api-rate-limit.guard';

/**
 * The rate-limit guard. Nest runs global guards in module order, so ApiModule imports this after the
 * tenancy module: the limiter sees the resolved tenant and only authorized requests spend quota.
 */
@Module({
  imports: [RateLimitingModule],
  providers: [{ provide: APP_GUARD, useClass: ApiRateLimitGuard }],
})
export class ApiRateLimitingModule {}
