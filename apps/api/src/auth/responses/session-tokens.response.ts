import { ApiProperty } from '@nestjs/swagger';
import type { SessionResponse } from '../session-response';

/** A signed-in session's tokens: the access token, and the refresh token in the body when asked for there. */
export class SessionTokensResponse implements SessionResponse {
  /** Send it as `Authorization: Bearer <accessToken>`. */
  readonly accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] })
  readonly tokenType!: 'Bearer';
  /** Seconds until the access token expires. @example 900 */
  readonly expiresIn!: number;
  readonly sessionId!: string;
  /** Only with `refreshTokenDelivery: "body"`; otherwise it is in an HttpOnly cookie or not issued. */
  readonly refreshToken?: string;
  readonly refreshTokenExpiresAt?: string;
  /** Only after enrolling a second factor at sign-in: the recovery codes, shown this once. */
  readonly recoveryCodes?: string[];
}
