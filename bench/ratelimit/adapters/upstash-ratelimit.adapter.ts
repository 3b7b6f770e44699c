import type Redis from 'ioredis';

import type { LimiterAdapter } from '../limiter-adapter';
import { loadOptionalPackage } from './load-optional-package';

/**
 * The part of @upstash/redis that @upstash/ratelimit's single-region limiters call: `evalsha` with the
 * script's precomputed SHA1, then `eval` with the source when Redis answers NOSCRIPT (once per script).
 */
interface UpstashRedisLike {
  evalsha(sha: string, keys: string[], args: unknown[]): Promise<unknown>;
  eval(script: string, keys: string[], args: unknown[]): Promise<unknown>;
}

interface UpstashRatelimitModule {
  Ratelimit: {
    new (options: { redis: UpstashRedisLike; limiter: unknown; prefix: string; analytics: boolean }): {
      limit(identifier: string): Promise<{ success: boolean }>;
    };
    slidingWindow(tokens: number, window: `${number} s`): unknown;
  };
}

/**
 * @upstash/ratelimit's sliding window (two fixed-window counters, like ours) on ioredis through a small
 * adapter: the library expects Upstash's REST client shape, `(sha, keys[], args[])`. Its in-memory
 * "ephemeral cache" of blocked identifiers and its 5 s timeout stay at their defaults, as ours has both.
 *
 * Pinned to 2.0.x: from 2.1.0 every script starts with `#!lua flags=allow-key-locking`, a flag only Upstash's
 * own server understands; open-source Redis rejects the script ("Unexpected flag in script shebang"), and
 * nothing in 2.1+ turns it off. 2.0.x sends the same algorithm without the shebang.
 */
export const upstashRatelimitAdapter: LimiterAdapter = {
  name: '@upstash/ratelimit (slidingWindow)',
  packageName: '@upstash/ratelimit@~2.0.8',
  keyPattern: (keyPrefix) => `${keyPrefix}*`,
  async create({ redis, limit, windowSeconds, keyPrefix }) {
    const { Ratelimit } = await loadOptionalPackage<UpstashRatelimitModule>('@upstash/ratelimit');
    const ratelimit = new Ratelimit({
      redis: ioredisAsUpstash(redis),
      limiter: Ratelimit.slidingWindow(limit, `${windowSeconds} s`),
      // The library joins prefix and identifier with ':'.
      prefix: keyPrefix.replace(/:$/, ''),
      analytics: false,
    });
    return { consume: async (subject) => (await ratelimit.limit(subject)).success };
  },
};

function ioredisAsUpstash(redis: Redis): UpstashRedisLike {
  return {
    evalsha: (sha, keys, args) => redis.evalsha(sha, keys.length, ...keys, ...args.map(String)),
    eval: (script, keys, args) => redis.eval(script, keys.length, ...keys, ...args.map(String)),
  };
}
