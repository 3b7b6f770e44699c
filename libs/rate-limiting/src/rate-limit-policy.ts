import { type Limit, type Tier, UNLIMITED } from '@tenantpay/tenancy';

import { RateLimitAlgorithm } from './rate-limit-algorithm.enum';

/** A named quota: `limit` units per `windowSeconds`, counted by `algorithm`. */
export interface RateLimitPolicy {
  /** Shown to clients in `RateLimit-Policy`; lowercase letters, digits, `-`, `_` and `.` only. */
  readonly name: string;
  /** From `effectiveLimits(tenant)` for tenant quotas; `'unlimited'` never reaches Redis. */
  readonly limit: Limit;
  /** A whole number of seconds, as the IETF `w` parameter requires. */
  readonly windowSeconds: number;
  readonly algorithm: RateLimitAlgorithm;
}

const POLICY_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Checks a policy once, where it is defined, so a typo cannot surface as a broken header or Lua error later. */
export function defineRateLimitPolicy(policy: RateLimitPolicy): RateLimitPolicy {
  if (!POLICY_NAME.test(policy.name)) throw new Error(`Invalid rate-limit policy name "${policy.name}"`);
  if (!Number.isSafeInteger(policy.windowSeconds) || policy.windowSeconds < 1) {
    throw new Error(`Rate-limit policy "${policy.name}" needs a whole number of seconds ≥ 1 as its window`);
  }
  if (policy.limit !== UNLIMITED && (!Number.isSafeInteger(policy.limit) || policy.limit < 0)) {
    throw new Error(`Rate-limit policy "${policy.name}" needs a whole, non-negative limit`);
  }
  return Object.freeze({ ...policy });
}

/** Policies already built, by tier and limit: the guard asks for one on every request. */
const TENANT_API_POLICIES = new Map<string, RateLimitPolicy>();
/** Distinct tier × limit pairs are few (overrides are negotiated); the bound only guards against surprises. */
const MAX_REMEMBERED_TENANT_API_POLICIES = 1_000;

/**
 * The per-minute API quota of a tenant, named after its tier (`"starter";q=60;w=60`). The caller passes
 * `effectiveLimits(tenant).apiRequestsPerMinute` so negotiated overrides apply.
 */
export function tenantApiRateLimitPolicy(tier: Tier, apiRequestsPerMinute: Limit): RateLimitPolicy {
  const key = `${tier}:${apiRequestsPerMinute}`;
  const known = TENANT_API_POLICIES.get(key);
  if (known !== undefined) return known;
  const policy = defineRateLimitPolicy({
    name: tier.toLowerCase(),
    limit: apiRequestsPerMinute,
    windowSeconds: 60,
    algorithm: RateLimitAlgorithm.SlidingWindowCounter,
  });
  if (TENANT_API_POLICIES.size >= MAX_REMEMBERED_TENANT_API_POLICIES) TENANT_API_POLICIES.clear();
  TENANT_API_POLICIES.set(key, policy);
  return policy;
}
