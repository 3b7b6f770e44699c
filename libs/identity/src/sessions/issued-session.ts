import type { IssuedAccessToken } from '../tokens/access-token-claims';

/** What a login or refresh hands out: a short access token and the session's next refresh token. */
export interface IssuedSession extends IssuedAccessToken {
  readonly refreshToken: string;
  /** When the refresh token stops working unless used before (the session's idle timeout). */
  readonly refreshTokenExpiresAt: Date;
  readonly sessionId: string;
}

/** Who opened the session from where, shown in the owner's session list. */
export interface SessionClient {
  readonly ip: string | null;
  readonly userAgent: string | null;
}
