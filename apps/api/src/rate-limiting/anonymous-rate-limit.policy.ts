import { defineRateLimitPolicy, RateLimitAlgorithm } from '@tenantpay/rate-limiting';

/**
 * Callers without a tenant credential (login, branding, a request naming an unknown tenant) are limited
 * per client IP, so unauthenticated traffic cannot be used to exhaust a tenant's quota or the platform.
 */
export const ANONYMOUS_RATE_LIMIT_POLICY = defineRateLimitPolicy({
  name: 'anonymous',
  limit: 120,
  windowSeconds: 60,
  algorithm: RateLimitAlgorithm.SlidingWindowCounter,
});

/** Platform operators are few and trusted, but a leaked token must still not flood the platform. */
export const PLATFORM_RATE_LIMIT_POLICY = defineRateLimitPolicy({
  name: 'platform',
  limit: 600,
  windowSeconds: 60,
  algorithm: RateLimitAlgorithm.SlidingWindowCounter,
});
