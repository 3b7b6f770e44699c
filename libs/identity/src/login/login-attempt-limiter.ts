/** The decision on one login attempt. */
export interface LoginAttemptDecision {
  readonly allowed: boolean;
  /** When refused: whole seconds until an attempt would be admitted (at least 1). */
  readonly retryAfterSeconds: number;
}

/**
 * Limits login attempts per account and per client IP (SPEC §5). A port, so the login flow does not care
 * where the windows live; the Redis implementation is RedisLoginAttemptLimiter.
 *
 * Per account only failures count (a user who types the right password is never locked out by their own
 * successes), which caps password guessing against one account; per IP every attempt counts, which caps
 * one client spraying many accounts.
 */
export interface LoginAttemptLimiter {
  /** Before the password is checked: counts the attempt against the IP and checks the account is not locked. */
  consume(accountKey: string, ip: string): Promise<LoginAttemptDecision>;
  /** After a failed login: adds a failure to the account's window. */
  recordFailure(accountKey: string): Promise<void>;
  /** After a successful login: forgets the account's failures. */
  reset(accountKey: string): Promise<void>;
}

export const LOGIN_ATTEMPT_LIMITER = Symbol('LOGIN_ATTEMPT_LIMITER');
