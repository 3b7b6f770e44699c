/** Where the console keeps what it must remember, and the names it shares with the API. */

/*
 * The storage keys and lock name keep the plain-JS portal's names, so a tab opened before the console took over
 * its pages keeps its session.
 */

/** The access token, per tab: never a cookie, so no other site can make a signed-in request (no CSRF). */
export const ACCESS_TOKEN_STORAGE_KEY = 'tenantpay.portal.accessToken';

/**
 * A hint (no secret) that this browser may hold a session's HttpOnly refresh cookie on this host, so a first
 * visit does not send a pointless refresh that can only fail.
 */
export const SESSION_COOKIE_HINT_KEY = 'tenantpay.portal.sessionCookie';

/** The Web Lock every tab of this host takes to renew the access token (one renewal at a time). */
export const REFRESH_LOCK_NAME = 'tenantpay.portal.refresh';

export const REFRESH_PATH = '/v1/auth/refresh';

/**
 * Routes whose 401 means wrong or ended credentials, never an access token to renew. Logout is not one: with
 * an expired access token it renews first, so that the session really ends on the server.
 */
export const SESSION_PATHS: ReadonlySet<string> = new Set([
  '/v1/auth/login',
  '/v1/invitations/accept',
  '/v1/auth/login/mfa',
  '/v1/auth/login/mfa/enrol',
  REFRESH_PATH,
]);

/** The only routes that read or set the refresh cookie; every other request is sent without cookies. */
export const COOKIE_PATHS: ReadonlySet<string> = new Set([
  '/v1/auth/login',
  // Accepting an invitation opens the new user's session, its refresh token in the cookie.
  '/v1/invitations/accept',
  '/v1/auth/login/mfa',
  REFRESH_PATH,
  '/v1/auth/logout',
]);
