/**
 * Header names and Redis keys of the identity library, in one place. Audit action names live in the
 * audit library's AuditAction; the API-key cache key comes from tenancy's tenantCacheKeys.
 */

export const AUTHORIZATION_HEADER = 'authorization';
export const API_KEY_HEADER = 'x-api-key';
export const RETRY_AFTER_HEADER = 'Retry-After';

/** `iss` and `aud` of every access token; a token minted for another service or by another issuer is refused. */
export const ACCESS_TOKEN_ISSUER = 'tenantpay';
export const ACCESS_TOKEN_AUDIENCE = 'tenantpay-api';

/** Every API key starts with this, so a bearer credential can be told apart from a JWT without parsing it. */
export const API_KEY_PREFIX = 'tp_live_';

/**
 * Redis keys. Each key carries a Redis Cluster hash tag (`{…}`) around the part that identifies it, so
 * a key's commands and scripts stay on one slot. Identifiers that would put personal data (emails) into
 * Redis are hashed by the caller before they get here.
 */
export const IDENTITY_REDIS_KEYS = {
  /** Sliding-window log of failed logins of one account (a hashed tenant+email or platform+email). */
  loginFailuresOfAccount: (accountHash: string): string => `login:acct:{${accountHash}}`,
  /** Sliding-window log of login attempts from one client IP. */
  loginAttemptsFromIp: (ip: string): string => `login:ip:{${ip}}`,
} as const;
