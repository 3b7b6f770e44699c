import { ApiProperty } from '@nestjs/swagger';
import type { Limit } from '@tenantpay/tenancy';
import type { TenantLimitUsage } from '@tenantpay/usage';
import { LIMIT_SCHEMA } from './limit.schema';

/** A tenant's transactions in the period against its monthly limit. */
export class TransactionsAgainstLimitResponse implements Readonly<TenantLimitUsage['transactions']> {
  readonly used!: number;
  @ApiProperty(LIMIT_SCHEMA)
  readonly limit!: Limit;
  /** Null for an unlimited plan. */
  readonly percentUsed!: number | null;
}
