import { IsEnum, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { RefreshTokenDelivery } from '../refresh-token-delivery.enum';

/** The second login step: the challenge the password step answered, and a TOTP code or a recovery code. */
export class MfaLoginDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  challengeToken!: string;

  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits the authenticator app shows' })
  code?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  recoveryCode?: string;

  @IsOptional()
  @IsEnum(RefreshTokenDelivery)
  refreshTokenDelivery?: RefreshTokenDelivery;
}
