import { ApiProperty } from '@nestjs/swagger';
import type { Limit, TenantLimits } from '@tenantpay/tenancy';
import { LIMIT_SCHEMA } from '../../usage/responses/limit.schema';

/** The limits a super-admin set for this tenant over its tier's; absent ones follow the tier. */
export class TenantLimitOverridesResponse implements Partial<TenantLimits> {
  @ApiProperty({ ...LIMIT_SCHEMA, required: false })
  readonly maxUsers?: Limit;
  @ApiProperty({ ...LIMIT_SCHEMA, required: false })
  readonly transactionsPerMonth?: Limit;
  @ApiProperty({ ...LIMIT_SCHEMA, required: false })
  readonly apiRequestsPerMinute?: Limit;
}
