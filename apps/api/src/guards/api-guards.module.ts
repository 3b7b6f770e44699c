import { type CanActivate, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimitingModule } from '@tenantpay/rate-limiting';
import { ApiGuardChain } from './api-guard-chain.guard';
import { API_GUARD_ORDER } from './api-guard-order.constant';

/** Registers the guard chain (see API_GUARD_ORDER) as the API's one global guard. */
@Module({
  imports: [RateLimitingModule],
  providers: [
    ...API_GUARD_ORDER,
    {
      provide: APP_GUARD,
      inject: [...API_GUARD_ORDER],
      useFactory: (...guards: CanActivate[]) => new ApiGuardChain(guards),
    },
  ],
})
export class ApiGuardsModule {}
