import { CONSUME_RATE_LIMIT_SCRIPT } from '@tenantpay/rate-limiting';

import type { LimiterAdapter } from '../limiter-adapter';

/**
 * Diagnostic, not a limiter: our counter script called with a bare ioredis `evalsha` on the bench's one
 * connection, as the peers use it (same keys and ARGV as RateLimiterService sends, no key checks, timeout,
 * fallback, blocklist, metrics or decision object). Ours runs the same script on its own two corked
 * connections: the gap between the two rows is what that transport is worth, net of the service's own cost.
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
