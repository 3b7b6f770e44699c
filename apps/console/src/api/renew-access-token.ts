import { REFRESH_LOCK_NAME, REFRESH_PATH } from '../console.constant';
import { accessTokenStore } from './access-token-store';

/**
 * Makes the renewal of a console's session (the staff console's or the platform console's, by the refresh
 * route): a new access token from the session's HttpOnly refresh cookie; false when the session has ended. One renewal
 * at a time in this tab, and one at a time across the host's tabs (Web Locks): the refresh token changes at
 * every use and the API ends the whole session when one is used twice, so two tabs must never send the same
 * cookie at once. A tab that waited sends the cookie the other tab's renewal left behind.
 */
export function createAccessTokenRenewal(refreshPath: string): () => Promise<boolean> {
  let renewal: Promise<boolean> | null = null;
  return () => {
    renewal ??= whileHoldingRefreshLock(() => refreshOnce(refreshPath)).finally(() => {
      renewal = null;
    });
    return renewal;
  };
}

/** The staff console's renewal (`/v1/auth/refresh`). */
export const renewAccessToken = createAccessTokenRenewal(REFRESH_PATH);

async function refreshOnce(refreshPath: string): Promise<boolean> {
  try {
    // Without the expired access token: a presented token that fails verification is refused, never ignored.
    const response = await fetch(refreshPath, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{}',
      credentials: 'same-origin',
    });
    const body: unknown = await response.json().catch(() => null);
    if (response.ok && isIssuedToken(body)) {
      accessTokenStore.store(body.accessToken);
      return true;
    }
  } catch {
    // Unreachable: treated as an ended session, the user signs in again.
  }
  accessTokenStore.forgetSession();
  return false;
}

function isIssuedToken(body: unknown): body is { accessToken: string } {
  return typeof body === 'object' && body !== null && typeof Reflect.get(body, 'accessToken') === 'string';
}

async function whileHoldingRefreshLock(work: () => Promise<boolean>): Promise<boolean> {
  if (typeof navigator.locks === 'undefined') return work();
  return navigator.locks.request(REFRESH_LOCK_NAME, work);
}
