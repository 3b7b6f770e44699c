/** A reset link works for 30 minutes, once. */
export const PASSWORD_RESET_TTL_MS = 30 * 60_000;
/** A new reset for the same account within this window sends nothing more (no mail bombing through the form). */
export const PASSWORD_RESET_RESEND_INTERVAL_MS = 60_000;
/**
 * The link in a reset email opens the staff console's reset route on the tenant's host; the link builder puts
 * the token in the query, ahead of the hash (`/?token=…#/reset-password`).
 */
export const PASSWORD_RESET_PATH = '/#/reset-password';
/**
 * The link in a platform operator's email (reset, lockout notice): the platform console's reset page on the
 * platform host (`admin.{BASE_DOMAIN}`), which uses `/v1/platform/auth/password-reset`; a tenant's reset route
 * would not know the token.
 */
export const PLATFORM_PASSWORD_RESET_PATH = '/reset-password';
