import { PASSWORD_MAX_LENGTH } from '@tenantpay/identity';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Disabling the factor needs the current password or a current code (one of them; the code wins if both). */
export class MfaDisableDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;

  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits the authenticator app shows' })
  code?: string;
}
