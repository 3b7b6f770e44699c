import type { Limit } from '@tenantpay/tenancy';
import { ValidateIf } from 'class-validator';
import { IsLimit } from './is-limit.decorator';

/**
 * Per-tenant overrides of the tier's limits: a count, "unlimited", or (when updating) null to go back to
 * the tier's default. Absent fields are left as they are.
 */
export class LimitOverridesDto {
  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsLimit()
  maxUsers?: Limit | null;

  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsLimit()
  transactionsPerMonth?: Limit | null;

  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsLimit()
  apiRequestsPerMinute?: Limit | null;
}
