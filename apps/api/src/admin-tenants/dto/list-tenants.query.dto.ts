import { Tier } from '@tenantpay/tenancy';
import { Type } from 'class-transformer';
import { IsEnum, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class ListTenantsQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /** The id of the last tenant of the previous page. */
  @IsOptional()
  @Matches(/^[0-9a-f]{24}$/, { message: 'starting_after must be a tenant id' })
  starting_after?: string;

  @IsOptional()
  @IsEnum(Tier)
  tier?: Tier;

  @IsOptional()
  @IsIn(['active', 'suspended'])
  status?: 'active' | 'suspended';
}
