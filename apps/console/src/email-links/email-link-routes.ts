/**
 * The console's pages that email links open, shown whether or not anyone is signed in. Their paths are in the
 * links the API's emails carry (libs/identity: INVITATION_ACCEPT_PATH, PASSWORD_RESET_PATH), and old
 * `/portal/*.html` links redirect to them.
 */
export const ACCEPT_INVITATION_ROUTE = '/accept-invitation';
export const RESET_PASSWORD_ROUTE = '/reset-password';

export function isEmailLinkRoute(location: string): boolean {
  return location === ACCEPT_INVITATION_ROUTE || location === RESET_PASSWORD_ROUTE;
}
