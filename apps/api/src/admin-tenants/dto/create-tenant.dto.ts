import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { Tier } from '@tenantpay/tenancy';
import { BrandingDto } from './branding.dto';
import { FirstAdminDto } from './first-admin.dto';
import { LimitOverridesDto } from './limit-overrides.dto';

export class CreateTenantDto {
  /** Checked in full (reserved words, id look-alikes) by the service's slug rules. */
  @IsString()
  @Length(1, 63)
  slug!: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  @IsEnum(Tier)
  tier!: Tier;

  @IsOptional()
  @ValidateNested()
  @Type(() => BrandingDto)
  branding?: BrandingDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => LimitOverridesDto)
  limits?: LimitOverridesDto;

  /** Invites the tenant's first admin in the same request (the invitation email goes to this address). */
  @IsOptional()
  @ValidateNested()
  @Type(() => FirstAdminDto)
  admin?: FirstAdminDto;
}
