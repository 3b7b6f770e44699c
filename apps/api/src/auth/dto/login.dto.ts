import { PASSWORD_MAX_LENGTH } from '@tenantpay/identity';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/**
 * Deliberately loose: any non-empty email string is accepted, so a malformed email fails like any other
 * wrong credential (401) instead of revealing which check it failed.
 */
export class LoginDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}
