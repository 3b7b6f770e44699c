import type { AppConfig } from '@tenantpay/platform';

import {
  DEFAULT_MAX_IN_PROCESS_ENTRIES,
  DEFAULT_REDIS_RETRY_INTERVAL_MS,
  DEFAULT_REDIS_TIMEOUT_MS,
} from './rate-limiting.constant';

export interface RateLimiterOptions {
  /** While Redis is unavailable: `open` admits by a per-process limiter, `closed` refuses. */
  readonly failMode: 'open' | 'closed';
  readonly redisTimeoutMs: number;
  readonly redisRetryIntervalMs: number;
  readonly maxInProcessEntries: number;
  /** Wall-clock milliseconds; only in-process memories use it, Redis decisions use Redis time. */
  readonly now: () => number;
}

export const RATE_LIMITER_OPTIONS = Symbol('RATE_LIMITER_OPTIONS');

export function rateLimiterOptions(
  config: Pick<AppConfig, 'rateLimit'>,
  overrides: Partial<RateLimiterOptions> = {},
): RateLimiterOptions {
  return {
    failMode: config.rateLimit.failMode,
    redisTimeoutMs: DEFAULT_REDIS_TIMEOUT_MS,
    redisRetryIntervalMs: DEFAULT_REDIS_RETRY_INTERVAL_MS,
    maxInProcessEntries: DEFAULT_MAX_IN_PROCESS_ENTRIES,
    now: Date.now,
    ...overrides,
  };
}
