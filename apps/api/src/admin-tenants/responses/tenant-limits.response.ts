import { ApiProperty } from '@nestjs/swagger';
import type { Limit, TenantLimits } from '@tenantpay/tenancy';
import { LIMIT_SCHEMA } from '../../usage/responses/limit.schema';

/** A tenant's limits: numbers, or "unlimited". */
export class TenantLimitsResponse implements TenantLimits {
  @ApiProperty(LIMIT_SCHEMA)
  readonly maxUsers!: Limit;
  @ApiProperty(LIMIT_SCHEMA)
  readonly transactionsPerMonth!: Limit;
  @ApiProperty(LIMIT_SCHEMA)
  readonly apiRequestsPerMinute!: Limit;
}
