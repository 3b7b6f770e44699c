import { PASSWORD_MAX_LENGTH } from '@tenantpay/identity';
import { IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { RefreshTokenDelivery } from '../refresh-token-delivery.enum';

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

  /**
   * Where to hand out the session's refresh token: `cookie` (HttpOnly, for the portal) or `body` (API
   * clients). Omitted: no refresh token; the access token works until it expires or the session is ended.
   */
  @IsOptional()
  @IsEnum(RefreshTokenDelivery)
  refreshTokenDelivery?: RefreshTokenDelivery;
}
