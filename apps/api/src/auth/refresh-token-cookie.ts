import type { HeaderResponse } from '../http/header-response';
import { REFRESH_TOKEN_COOKIE } from '@tenantpay/identity';
import { API_PREFIX } from '@tenantpay/platform';
import { parse, serialize } from 'cookie';
import type { IncomingHttpHeaders } from 'node:http';

/** What the cookie helpers read of a request: Express's Request and Fastify's Request both have these. */
export interface CookieRequest {
  readonly headers: IncomingHttpHeaders;
  /** `https` behind TLS, or when a trusted proxy (TRUST_PROXY_HOPS) says so. */
  readonly protocol: string;
}

/** Where each kind of user's refresh cookie is sent back: only to its own auth routes (refresh, logout). */
export const TENANT_AUTH_COOKIE_PATH = `/${API_PREFIX}/auth`;
export const PLATFORM_AUTH_COOKIE_PATH = `/${API_PREFIX}/platform/auth`;

/**
 * The portal's refresh token as a cookie: HttpOnly (no script, so no XSS, can read it), SameSite=Strict (no
 * other site can make the browser send it), host-only (no Domain: one tenant host's cookie never reaches
 * another tenant's host), scoped to the auth path, and Secure whenever the request came over https.
 */
export function readRefreshCookie(request: CookieRequest): string | null {
  const header = request.headers.cookie;
  if (header === undefined) return null;
  return parse(header)[REFRESH_TOKEN_COOKIE] ?? null;
}

export function setRefreshCookie(
  response: HeaderResponse,
  request: CookieRequest,
  path: string,
  token: string,
  expiresAt: Date,
): void {
  response.header(
    'Set-Cookie',
    serialize(REFRESH_TOKEN_COOKIE, token, { ...cookieAttributes(request, path), expires: expiresAt }),
  );
}

export function clearRefreshCookie(response: HeaderResponse, request: CookieRequest, path: string): void {
  response.header(
    'Set-Cookie',
    serialize(REFRESH_TOKEN_COOKIE, '', { ...cookieAttributes(request, path), expires: new Date(0) }),
  );
}

function cookieAttributes(request: CookieRequest, path: string) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: request.protocol === 'https',
    path,
  };
}
