import { DomainException, ErrorCode, HTTP_STATUS_BY_ERROR_CODE } from '@tenantpay/platform';

import { RateLimitDecisionSource } from './rate-limit-decision';
import { RateLimitExceededException } from './rate-limit-exceeded.exception';

describe('RateLimitExceededException', () => {
  const exception = new RateLimitExceededException({
    allowed: false,
    policy: 'starter',
    limit: 60,
    remaining: 0,
    reset: 1_700_000_090,
    secondsUntilReset: 90,
    retryAfterSeconds: 12,
    windowSeconds: 60,
    source: RateLimitDecisionSource.Redis,
    usageRecorded: false,
  });

  it('is a 429 rate_limit_exceeded domain error', () => {
    expect(exception).toBeInstanceOf(DomainException);
    expect(exception.code).toBe(ErrorCode.RateLimitExceeded);
    expect(HTTP_STATUS_BY_ERROR_CODE[exception.code]).toBe(429);
  });

  it('carries Retry-After and the rate-limit headers for the error filter to send', () => {
    expect(exception.headers).toMatchObject({
      'Retry-After': '12',
      'X-RateLimit-Limit': '60',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': '1700000090',
      'RateLimit-Policy': '"starter";q=60;w=60',
      RateLimit: '"starter";r=0;t=12',
    });
    expect(exception.message).toBe('Rate limit exceeded; retry after 12 seconds.');
  });
});
