/** One sliding window: at most `limit` entries within the last `windowMs`. */
export interface SlidingWindow {
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * Five wrong passwords per account per 15 minutes makes online guessing of one account hopeless while a
 * user who mistypes a few times is not locked out; twenty attempts per IP per minute is more than any
 * person logs in, and still lets an office behind one NAT work.
 */
export const LOGIN_ATTEMPT_LIMITS = {
  failuresPerAccount: { limit: 5, windowMs: 15 * 60_000 },
  attemptsPerIp: { limit: 20, windowMs: 60_000 },
} as const satisfies Record<string, SlidingWindow>;
