/** The platform console's routes and words it shares with the API (the staff console's are in console.constant.ts). */

export const PLATFORM_REFRESH_PATH = '/v1/platform/auth/refresh';

/** Routes whose 401 means wrong or ended credentials, never an access token to renew. */
export const PLATFORM_SESSION_PATHS: ReadonlySet<string> = new Set([
  '/v1/platform/auth/login',
  '/v1/platform/auth/login/mfa',
  PLATFORM_REFRESH_PATH,
]);

/**
 * The only routes that read or set the platform refresh cookie (the API scopes it to /v1/platform/auth); accepting
 * an invitation opens the new operator's session, so its answer sets the cookie too.
 */
export const PLATFORM_COOKIE_PATHS: ReadonlySet<string> = new Set([
  '/v1/platform/invitations/accept',
  '/v1/platform/auth/login',
  '/v1/platform/auth/login/mfa',
  PLATFORM_REFRESH_PATH,
  '/v1/platform/auth/logout',
]);

/**
 * The email-link pages: real paths (not hash routes), fixed with the API (apps/api/src/console) and the emails
 * (libs/identity), so links already sent keep working whatever the console's screens become.
 */
export const ACCEPT_INVITATION_PATH = '/accept-invitation';
export const RESET_PASSWORD_PATH = '/reset-password';

/** What every cross-tenant screen says: the API records each such read in the audit log (platform scope). */
export const AUDITED_VIEW_NOTICE =
  'This view reads across tenants: each visit is recorded in the audit log with your name.';
