import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, TenantUserRole } from '@tenantpay/identity';
import { IsEmail, IsEnum, IsString, Length, MaxLength } from 'class-validator';

export class CreateUserDto {
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password!: string;

  @IsEnum(TenantUserRole)
  role!: TenantUserRole;
}
