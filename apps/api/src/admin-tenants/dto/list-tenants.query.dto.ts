import { Tier } from '@tenantpay/tenancy';
import { IsEnum, IsIn, IsOptional } from 'class-validator';
import { CursorPageQueryDto } from '../../pagination/cursor-page.query.dto';

export class ListTenantsQueryDto extends CursorPageQueryDto {
  @IsOptional()
  @IsEnum(Tier)
  tier?: Tier;

  @IsOptional()
  @IsIn(['active', 'suspended'])
  status?: 'active' | 'suspended';
}
