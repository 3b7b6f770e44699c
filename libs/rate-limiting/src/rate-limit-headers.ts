import { UNLIMITED } from '@tenantpay/tenancy';

import type { RateLimitDecision } from './rate-limit-decision';
import {
  RATE_LIMIT_HEADER,
  RATE_LIMIT_LIMIT_HEADER,
  RATE_LIMIT_POLICY_HEADER,
  RATE_LIMIT_REMAINING_HEADER,
  RATE_LIMIT_RESET_HEADER,
  RETRY_AFTER_HEADER,
} from './rate-limiting.constant';

/**
 * The response headers of a decision: the de facto `X-RateLimit-*` trio (reset in unix seconds) and the
 * `RateLimit-Policy` / `RateLimit` structured fields of draft-ietf-httpapi-ratelimit-headers (revision 11),
 * whose `t` is delta seconds (no clock agreement needed), plus `Retry-After` on refusals. The draft asks that
 * `Retry-After` never point before the end of the effective window, so a refusal's `t` is its retry delay.
 * Unlimited quotas advertise nothing: there is no quota to describe.
 */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  if (decision.limit === UNLIMITED || decision.remaining === UNLIMITED) return {};
  // Policy names are restricted to [a-z0-9._-] when defined, so they need no escaping inside an sf-string.
  const policy = `"${decision.policy}"`;
  const effectiveWindow = decision.allowed ? decision.secondsUntilReset : decision.retryAfterSeconds;
  const headers: Record<string, string> = {
    [RATE_LIMIT_LIMIT_HEADER]: String(decision.limit),
    [RATE_LIMIT_REMAINING_HEADER]: String(decision.remaining),
    [RATE_LIMIT_RESET_HEADER]: String(decision.reset),
    [RATE_LIMIT_POLICY_HEADER]: `${policy};q=${decision.limit};w=${decision.windowSeconds}`,
    [RATE_LIMIT_HEADER]: `${policy};r=${decision.remaining};t=${effectiveWindow}`,
  };
  if (!decision.allowed) headers[RETRY_AFTER_HEADER] = String(decision.retryAfterSeconds);
  return headers;
}
