/**
 * Header names, rate-limit subjects and cache settings of the identity library, in one place. Audit action names live in the
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
 * Login attempt limiting through the rate limiter: keys `rl:{<subject>}:login`, the subject being the Redis
 * Cluster hash tag. An account's subject is the hash of its tenant and email, so no email reaches Redis.
 */
export const LOGIN_RATE_LIMIT_BUCKET = 'login';
export const LOGIN_RATE_LIMIT_SUBJECTS = {
  account: (accountHash: string): string => `login-account:${accountHash}`,
  ip: (ip: string): string => `ip:${ip}`,
} as const;

/**
 * In-process lifetime of a user's access (active, role) as UserAccessCache keeps it. Invalidation over the
 * tenant cache channel is the real bound; this only caps a silently missed message.
 */
export const USER_ACCESS_LOCAL_CACHE_TTL_MS = 60_000;
export const USER_ACCESS_LOCAL_CACHE_MAX_ENTRIES = 50_000;
/** The same for platform operators (PlatformUserAccessCache): few of them, the same bound on a missed message. */
export const PLATFORM_USER_ACCESS_LOCAL_CACHE_MAX_ENTRIES = 1_000;

/**
 * In-process lifetime of an API key's cached facts (ApiKeyCache's first level): shorter than the Redis entry's
 * minute, and, as above, only a cap on a silently missed invalidation message.
 */
export const API_KEY_LOCAL_CACHE_TTL_MS = 15_000;
export const API_KEY_LOCAL_CACHE_MAX_ENTRIES = 10_000;

/**
 * Access tokens whose signature and claims this process has already checked, kept by their exact text until
 * they expire: a client reuses its token for every request, and the check (JSON parsing, HMAC, claim checks)
 * was the largest cost tenancy added to a request. The bound keeps a flood of distinct valid tokens small.
 */
export const VERIFIED_ACCESS_TOKEN_CACHE_MAX_ENTRIES = 20_000;
