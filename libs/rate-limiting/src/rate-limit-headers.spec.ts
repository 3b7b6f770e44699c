import { UNLIMITED } from '@tenantpay/tenancy';

import { type RateLimitDecision, RateLimitDecisionSource } from './rate-limit-decision';
import { rateLimitHeaders } from './rate-limit-headers';

const admitted: RateLimitDecision = {
  allowed: true,
  policy: 'starter',
  limit: 60,
  remaining: 59,
  reset: 1_700_000_060,
  secondsUntilReset: 60,
  retryAfterSeconds: 0,
  windowSeconds: 60,
  source: RateLimitDecisionSource.Redis,
  usageRecorded: false,
};

describe('rateLimitHeaders', () => {
  it('gives the X-RateLimit trio with reset in unix seconds and the IETF policy and service-limit fields', () => {
    expect(rateLimitHeaders(admitted)).toEqual({
      'X-RateLimit-Limit': '60',
      'X-RateLimit-Remaining': '59',
      'X-RateLimit-Reset': '1700000060',
      'RateLimit-Policy': '"starter";q=60;w=60',
      RateLimit: '"starter";r=59;t=60',
    });
  });

  it('adds Retry-After to a refusal and never points the effective window past it', () => {
    const headers = rateLimitHeaders({
      ...admitted,
      allowed: false,
      remaining: 0,
      secondsUntilReset: 100,
      retryAfterSeconds: 7,
    });
    expect(headers).toMatchObject({
      'Retry-After': '7',
      RateLimit: '"starter";r=0;t=7',
      'X-RateLimit-Remaining': '0',
    });
  });

  it('advertises nothing for an unlimited quota', () => {
    expect(
      rateLimitHeaders({
        ...admitted,
        limit: UNLIMITED,
        remaining: UNLIMITED,
        source: RateLimitDecisionSource.Unlimited,
      }),
    ).toEqual({});
  });
});
