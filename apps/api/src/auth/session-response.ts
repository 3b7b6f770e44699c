import type { IssuedAccessToken, IssuedSession } from '@tenantpay/identity';
import { RefreshTokenDelivery } from './refresh-token-delivery.enum';
import type { HeaderResponse } from '../http/header-response';
import { type CookieRequest, setRefreshCookie } from './refresh-token-cookie';

/** A login or refresh answer: the access token, plus the refresh token in the body when it goes there. */
export interface SessionResponse extends IssuedAccessToken {
  readonly sessionId: string;
  readonly refreshToken?: string;
  readonly refreshTokenExpiresAt?: string;
}

/** Hands the session's refresh token out where the caller asked for it (or not at all). */
export function deliverSession(
  issued: IssuedSession,
  delivery: RefreshTokenDelivery | undefined,
  http: { readonly request: CookieRequest; readonly response: HeaderResponse; readonly cookiePath: string },
): SessionResponse {
  const answer: SessionResponse = {
    accessToken: issued.accessToken,
    tokenType: issued.tokenType,
    expiresIn: issued.expiresIn,
    sessionId: issued.sessionId,
  };
  if (delivery === RefreshTokenDelivery.Cookie) {
    setRefreshCookie(
      http.response,
      http.request,
      http.cookiePath,
      issued.refreshToken,
      issued.refreshTokenExpiresAt,
    );
    return { ...answer, refreshTokenExpiresAt: issued.refreshTokenExpiresAt.toISOString() };
  }
  if (delivery === RefreshTokenDelivery.Body) {
    return {
      ...answer,
      refreshToken: issued.refreshToken,
      refreshTokenExpiresAt: issued.refreshTokenExpiresAt.toISOString(),
    };
  }
  return answer;
}
