// @ts-check
/**
 * The portal's only way to the API. The access token lives in sessionStorage, never in a cookie: the
 * browser then never attaches it by itself, so no other site can make a signed-in request (no CSRF), and
 * it is gone when the tab closes.
 */

/** @typedef {{ field?: string, issue?: string }} ApiErrorDetail */
/** @typedef {{ error: string, message: string, details?: ApiErrorDetail[], requestId?: string }} ApiErrorBody */

const TOKEN_KEY = 'tenantpay.portal.accessToken';

/** An answer in the API's error shape (or one made up in that shape when the API could not be reached). */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {ApiErrorBody} body
   */
  constructor(status, body) {
    super(body.message);
    this.status = status;
    this.code = body.error;
    this.details = body.details ?? [];
    this.requestId = body.requestId ?? null;
  }
}

/** @returns {string | null} */
export function storedToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** @param {string} token */
export function storeToken(token) {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export function forgetToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/**
 * Whether this browser may hold a session's refresh cookie on this host. The cookie itself is HttpOnly, so the
 * page keeps this hint (no secret) to avoid a pointless, failing refresh on a first visit.
 */
const SESSION_HINT_KEY = 'tenantpay.portal.sessionCookie';

export function hasSessionCookie() {
  return localStorage.getItem(SESSION_HINT_KEY) !== null;
}

export function rememberSessionCookie() {
  localStorage.setItem(SESSION_HINT_KEY, '1');
}

export function forgetSessionCookie() {
  localStorage.removeItem(SESSION_HINT_KEY);
}

/**
 * Calls the API on this host (the host names the tenant) and answers the parsed JSON body, or throws an
 * ApiError. `anonymous` leaves the token out: branding is the same for everyone, and sent without
 * credentials it stays cacheable by its ETag. `withCookies` lets the browser send and store the session's
 * refresh cookie (login, logout): no other call needs it, so no other call carries it.
 *
 * A signed-in call refused with 401 renews the access token once through the session's refresh cookie and is
 * sent again: staff stay signed in past the access token's short lifetime, for as long as the session lasts.
 *
 * @param {string} path
 * @param {CallOptions} [options]
 * @returns {Promise<any>}
 */
export async function callApi(path, options = {}) {
  const signedIn = options.anonymous !== true && storedToken() !== null;
  const response = await send(path, options);
  if (response.status === 401 && signedIn && !SESSION_ROUTES.includes(path) && (await renewAccessToken())) {
    return readAnswer(await send(path, options));
  }
  return readAnswer(response);
}

/** @typedef {{ method?: string, body?: unknown, headers?: Record<string, string>, anonymous?: boolean, withCookies?: boolean }} CallOptions */

/**
 * Routes whose 401 means wrong or ended credentials, never an access token to renew. Logout is not one: with
 * an expired access token it renews first, so that the session really ends on the server.
 */
const SESSION_ROUTES = [
  '/v1/auth/login',
  '/v1/auth/login/mfa',
  '/v1/auth/login/mfa/enrol',
  '/v1/auth/refresh',
];

/**
 * @param {string} path
 * @param {CallOptions} options
 * @returns {Promise<Response>}
 */
async function send(path, options) {
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json', ...options.headers };
  const token = options.anonymous === true ? null : storedToken();
  if (token !== null) headers['Authorization'] = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: options.withCookies === true ? 'same-origin' : 'omit',
    });
  } catch {
    throw new ApiError(0, {
      error: 'network_error',
      message: 'The server could not be reached. Check the connection and try again.',
    });
  }
}

/**
 * @param {Response} response
 * @returns {Promise<any>}
 */
async function readAnswer(response) {
  const body = await response.json().catch(() => null);
  if (response.ok) return body;
  throw new ApiError(
    response.status,
    isApiErrorBody(body)
      ? body
      : { error: 'unexpected_response', message: `The server answered with status ${response.status}.` },
  );
}

/** @type {Promise<boolean> | null} */
let renewal = null;

/**
 * A new access token from the session's HttpOnly refresh cookie; false when the session has ended. One renewal
 * at a time in this tab, and one at a time across the tabs of this host (Web Locks): the refresh token changes
 * at every use and the API ends the whole session when one is used twice, so two tabs must never send the
 * same cookie at once. A tab that waited sends the cookie the other tab's renewal left behind.
 *
 * @returns {Promise<boolean>}
 */
export function renewAccessToken() {
  renewal ??= whileHoldingRefreshLock(refreshOnce).finally(() => {
    renewal = null;
  });
  return renewal;
}

/** @returns {Promise<boolean>} */
async function refreshOnce() {
  try {
    // Without the expired access token: a presented token that fails verification is refused, never ignored.
    const issued = await callApi('/v1/auth/refresh', {
      method: 'POST',
      body: {},
      withCookies: true,
      anonymous: true,
    });
    storeToken(issued.accessToken);
    rememberSessionCookie();
    return true;
  } catch {
    forgetToken();
    forgetSessionCookie();
    return false;
  }
}

/**
 * @param {() => Promise<boolean>} work
 * @returns {Promise<boolean>}
 */
async function whileHoldingRefreshLock(work) {
  const locks = typeof navigator === 'object' ? navigator.locks : undefined;
  if (locks === undefined) return work();
  /** @type {boolean} */
  const renewed = await locks.request('tenantpay.portal.refresh', work);
  return renewed;
}

/**
 * @param {unknown} body
 * @returns {body is ApiErrorBody}
 */
function isApiErrorBody(body) {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (/** @type {Record<string, unknown>} */ (body)['error']) === 'string' &&
    typeof (/** @type {Record<string, unknown>} */ (body)['message']) === 'string'
  );
}
