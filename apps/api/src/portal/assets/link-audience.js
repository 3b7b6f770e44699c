// @ts-check
/**
 * Whose account a page opened from an email link (invitation, password reset) acts on: a tenant user's, or a
 * platform operator's when the platform's email marked its link `audience=platform` (constants
 * PLATFORM_INVITATION_ACCEPT_PATH and PLATFORM_PASSWORD_RESET_PATH). The marker only picks which API routes the
 * page calls; each audience's routes know only their own tokens, so a marker added to a tenant link, or removed
 * from a platform one, fails as an unknown token and never reaches the other audience's accounts.
 */

/** What the pages call the platform in place of a bank's brand. */
export const PLATFORM_DISPLAY_NAME = 'Tenantpay platform';

/**
 * Read before the page strips the query from the address bar.
 *
 * @param {URLSearchParams} query
 * @returns {boolean}
 */
export function isPlatformLink(query) {
  return query.get('audience') === 'platform';
}
