import { CONSUME_RATE_LIMIT_SCRIPT } from '@tenantpay/rate-limiting';

import type { LimiterAdapter } from '../limiter-adapter';

/**
 * Diagnostic, not a limiter: our counter script called with a bare ioredis `evalsha` (same keys and ARGV as
 * RateLimiterService sends, no key checks, timeout, fallback, blocklist, metrics or decision object). The gap
 * to "tenantpay (sliding-window counter)" is the service's own per-call cost; the gap to the EVALSHA ceiling is
 * ioredis's plus Node's.
 */
export const bareEvalshaAdapter: LimiterAdapter = {
  name: 'diagnostic: our script, bare ioredis evalsha',
  keyPattern: (keyPrefix) => `rl:{${keyPrefix}*`,
  async create({ redis, limit, windowSeconds, keyPrefix }) {
    const sha = String(await redis.script('LOAD', CONSUME_RATE_LIMIT_SCRIPT));
    const windowMs = windowSeconds * 1000;
    return {
      consume: async (subject) =>
        (
          (await redis.evalsha(
            sha,
            1,
            `rl:{${keyPrefix}${subject}}:api`,
            'c',
            limit,
            windowMs,
            1,
          )) as number[]
        )[0] === 1,
    };
  },
};
