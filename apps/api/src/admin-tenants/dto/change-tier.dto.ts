import { Tier } from '@tenantpay/tenancy';
import { IsEnum } from 'class-validator';

export class ChangeTierDto {
  @IsEnum(Tier)
  tier!: Tier;
}
