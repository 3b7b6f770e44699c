import { defineRateLimitPolicy, RateLimitAlgorithm } from '@tenantpay/rate-limiting';

/**
 * Login limits (SPEC §5), exact sliding-window logs. Five attempts per account per 15 minutes, forgotten at
 * each successful login, makes online guessing of one account hopeless while a user who mistypes a few times
 * is not locked out; twenty attempts per IP per minute is more than any person logs in, and still lets an
 * office behind one NAT work.
 */
/** The per-account limit's figures, also told to the user in the lockout notice. */
export const LOGIN_ACCOUNT_ATTEMPT_LIMIT = 5;
export const LOGIN_ACCOUNT_WINDOW_SECONDS = 15 * 60;

export const LOGIN_ATTEMPT_POLICIES = {
  perAccount: defineRateLimitPolicy({
    name: 'login-account',
    limit: LOGIN_ACCOUNT_ATTEMPT_LIMIT,
    windowSeconds: LOGIN_ACCOUNT_WINDOW_SECONDS,
    algorithm: RateLimitAlgorithm.SlidingWindowLog,
  }),
  perIp: defineRateLimitPolicy({
    name: 'login-ip',
    limit: 20,
    windowSeconds: 60,
    algorithm: RateLimitAlgorithm.SlidingWindowLog,
  }),
} as const;
