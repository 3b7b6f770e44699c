import { IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { RefreshTokenDelivery } from '../../auth/refresh-token-delivery.enum';

export class AcceptPlatformInvitationDto {
  /** The token from the invitation email's link. */
  @IsString()
  @Length(1, 200)
  token!: string;

  /** Checked against the password policy by the service (weak_password names the rule broken). */
  @IsString()
  @Length(1, 1024)
  password!: string;

  /** As at login: `cookie` or `body`; omitted, no refresh token. */
  @IsOptional()
  @IsEnum(RefreshTokenDelivery)
  refreshTokenDelivery?: RefreshTokenDelivery;
}
