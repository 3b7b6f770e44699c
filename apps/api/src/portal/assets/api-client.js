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
 * Calls the API on this host (the host names the tenant) and answers the parsed JSON body, or throws an
 * ApiError. `anonymous` leaves the token out: branding is the same for everyone, and sent without
 * credentials it stays cacheable by its ETag.
 *
 * @param {string} path
 * @param {{ method?: string, body?: unknown, headers?: Record<string, string>, anonymous?: boolean }} [options]
 * @returns {Promise<any>}
 */
export async function callApi(path, options = {}) {
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json', ...options.headers };
  const token = options.anonymous === true ? null : storedToken();
  if (token !== null) headers['Authorization'] = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  /** @type {Response} */
  let response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'omit',
    });
  } catch {
    throw new ApiError(0, {
      error: 'network_error',
      message: 'The server could not be reached. Check the connection and try again.',
    });
  }
  const body = await response.json().catch(() => null);
  if (response.ok) return body;
  throw new ApiError(
    response.status,
    isApiErrorBody(body)
      ? body
      : { error: 'unexpected_response', message: `The server answered with status ${response.status}.` },
  );
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
