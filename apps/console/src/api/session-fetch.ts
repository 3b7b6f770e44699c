import type { RequestFetch } from '@tenantpay/sdk';
import { COOKIE_PATHS, SESSION_PATHS } from '../console.constant';
import { accessTokenStore } from './access-token-store';
import { renewAccessToken } from './renew-access-token';
import { isRenewableRefusal } from './renewable-refusal';
import { sessionEndSignal } from './session-end-signal';

/** The routes a console's session uses, and how it renews (the staff console's or the platform console's). */
export interface SessionRoutes {
  /** Routes whose 401 means wrong or ended credentials, never an access token to renew. */
  readonly sessionPaths: ReadonlySet<string>;
  /** The only routes that read or set the refresh cookie; every other request is sent without cookies. */
  readonly cookiePaths: ReadonlySet<string>;
  readonly renew: () => Promise<boolean>;
}

/**
 * A console's transport under the SDK client: sends the tab's access token as a bearer header, the refresh
 * cookie only to the routes that read it, and renews the token once on a 401 before sending the request again,
 * so staff stay signed in for as long as their session lasts; a 401 that renewal cannot cure ends the session.
 * A 401 about what was typed (a wrong MFA code) is the screen's to show, not a session's end.
 */
export function createSessionFetch(routes: SessionRoutes): RequestFetch {
  const prepare = (request: Request, path: string, token: string | null): Request => {
    const headers = new Headers(request.headers);
    if (token !== null && !routes.sessionPaths.has(path)) headers.set('Authorization', `Bearer ${token}`);
    return new Request(request, {
      headers,
      credentials: routes.cookiePaths.has(path) ? 'same-origin' : 'omit',
    });
  };
  return async (request) => {
    const path = new URL(request.url).pathname;
    const retry = request.clone();
    const token = accessTokenStore.read();
    const response = await fetch(prepare(request, path, token));
    if (token === null || routes.sessionPaths.has(path) || !(await isRenewableRefusal(response)))
      return response;
    if (!(await routes.renew())) {
      sessionEndSignal.raise();
      return response;
    }
    const retried = await fetch(prepare(retry, path, accessTokenStore.read()));
    if (retried.status === 401) sessionEndSignal.raise();
    return retried;
  };
}

/** The staff console's transport. */
export const sessionFetch = createSessionFetch({
  sessionPaths: SESSION_PATHS,
  cookiePaths: COOKIE_PATHS,
  renew: renewAccessToken,
});
