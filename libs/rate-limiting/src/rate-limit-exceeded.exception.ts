import { DomainException, ErrorCode } from '@tenantpay/platform';

import type { RateLimitDecision } from './rate-limit-decision';
import { rateLimitHeaders } from './rate-limit-headers';

/** 429 `rate_limit_exceeded`, carrying `Retry-After` and the rate-limit headers of the refusal. */
export class RateLimitExceededException extends DomainException {
  constructor(readonly decision: RateLimitDecision) {
    super(
      ErrorCode.RateLimitExceeded,
      `Rate limit exceeded; retry after ${decision.retryAfterSeconds} second${decision.retryAfterSeconds === 1 ? '' : 's'}.`,
      [
        {
          issue: 'rate_limit_exceeded',
          policy: decision.policy,
          retryAfterSeconds: decision.retryAfterSeconds,
        },
      ],
      rateLimitHeaders(decision),
    );
  }
}
