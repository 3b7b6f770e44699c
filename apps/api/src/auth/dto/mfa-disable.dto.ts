import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/**
 * Turning the factor off is proven by the factor itself: a current code from the app or a recovery code (the
 * code wins if both). The password alone is not enough, since whoever holds a stolen password and session could
 * otherwise remove the second factor that was meant to stop them.
 */
export class MfaDisableDto {
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits the authenticator app shows' })
  code?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  recoveryCode?: string;
}
