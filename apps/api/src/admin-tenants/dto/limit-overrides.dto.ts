import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { type Limit, UNLIMITED } from '@tenantpay/tenancy';
import { ValidateIf } from 'class-validator';
import { IsLimit } from './is-limit.decorator';

/**
 * Per-tenant overrides of the tier's limits: a count, "unlimited", or (when updating) null to go back to
 * the tier's default. Absent fields are left as they are.
 */
/** How the document describes a limit override (the plugin cannot see the union behind `Limit`). */
const LIMIT_OVERRIDE_SCHEMA: ApiPropertyOptions = {
  required: false,
  oneOf: [
    { type: 'integer', minimum: 0 },
    { type: 'string', enum: [UNLIMITED] },
    { type: 'null', description: "back to the tier's default" },
  ],
};

export class LimitOverridesDto {
  @ApiProperty(LIMIT_OVERRIDE_SCHEMA)
  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsLimit()
  maxUsers?: Limit | null;

  @ApiProperty(LIMIT_OVERRIDE_SCHEMA)
  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsLimit()
  transactionsPerMonth?: Limit | null;

  @ApiProperty(LIMIT_OVERRIDE_SCHEMA)
  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsLimit()
  apiRequestsPerMinute?: Limit | null;
}
