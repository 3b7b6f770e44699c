/**
 * Support tokens: `tps_<JWT>`, the prefix telling them apart from access tokens and API keys without parsing.
 * Their JWT audience is not the access tokens' one, so neither kind of token can ever pass for the other.
 */
export const SUPPORT_TOKEN_PREFIX = 'tps_';
export const SUPPORT_TOKEN_AUDIENCE = 'tenantpay-support';

/** A support session lasts at most this long (and by default this long), whatever the operator asks. */
export const SUPPORT_SESSION_MAX_MINUTES = 60;
export const SUPPORT_SESSION_DEFAULT_MINUTES = 30;

export const SUPPORT_SESSION_COLLECTION = 'support_sessions';
export const SUPPORT_SESSION_MODEL = 'SupportSession';
