/**
 * Session and refresh-token settings of the identity library. Lifetimes come from the config
 * (SESSION_IDLE_TIMEOUT_SECONDS, SESSION_MAX_LIFETIME_SECONDS).
 */

/** Every refresh token starts with this, so one can never be mistaken for an access token or an API key. */
export const REFRESH_TOKEN_PREFIX = 'tp_rt_';
/**
 * How many rotated-away refresh tokens a session remembers for reuse detection. A token older than that is
 * refused as unknown without ending the session: by then it is at least this many refreshes stale.
 */
export const SESSION_ROTATED_HASHES_KEPT = 50;
/** A user has few sessions; listing at most this many keeps the list one page. */
export const SESSION_LIST_LIMIT = 100;
/** Cookie holding the portal's refresh token: HttpOnly, SameSite=Strict, host-only, auth path only. */
export const REFRESH_TOKEN_COOKIE = 'tp_refresh';
/** In-process lifetime of a session's state; the invalidation channel is the real bound. */
export const SESSION_STATE_LOCAL_CACHE_TTL_MS = 60_000;
export const SESSION_STATE_LOCAL_CACHE_MAX_ENTRIES = 50_000;
/** The cache-key owner of platform users' sessions (tenant users' use their tenant id). */
export const PLATFORM_SESSION_OWNER = 'platform';
