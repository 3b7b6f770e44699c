import { TenantUserRole } from '@tenantpay/identity';
import { IsEmail, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class CreateInvitationDto {
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @IsEnum(TenantUserRole)
  role!: TenantUserRole;
}
