import { Tier } from '@tenantpay/tenancy';
import { IsEnum, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CursorPageQueryDto } from '../../pagination/cursor-page.query.dto';

export class ListTenantsQueryDto extends CursorPageQueryDto {
  @IsOptional()
  @IsEnum(Tier)
  tier?: Tier;

  @IsOptional()
  @IsIn(['active', 'suspended'])
  status?: 'active' | 'suspended';

  /** The start of the slug or part of the name, any case; matched as plain text. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}
