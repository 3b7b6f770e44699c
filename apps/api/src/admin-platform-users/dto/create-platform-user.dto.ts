import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@tenantpay/identity';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

/** A new operator and the initial password they sign in with (the policy applies; they can change it). */
export class CreatePlatformUserDto {
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH)
  password!: string;
}
