import type Redis from 'ioredis';

import type { LimiterAdapter } from '../limiter-adapter';
import { loadOptionalPackage } from './load-optional-package';

interface UpstashRedisLike {
  evalsha(sha: string, keys: string[], args: unknown[]): Promise<unknown>;
  eval(script: string, keys: string[], args: unknown[]): Promise<unknown>;
  scriptLoad(script: string): Promise<string>;
}

interface UpstashRatelimitModule {
  Ratelimit: {
    new (options: { redis: UpstashRedisLike; limiter: unknown; prefix: string; analytics: boolean }): {
      limit(identifier: string): Promise<{ success: boolean }>;
    };
    slidingWindow(tokens: number, window: string): unknown;
  };
}

/**
 * @upstash/ratelimit's sliding window (two fixed-window counters, like ours) on ioredis through a small
 * adapter: the library expects Upstash's REST client shape, `(sha, keys[], args[])`. Its in-memory
 * "ephemeral cache" of blocked identifiers stays at its default (on), as ours does.
 */
export const upstashRatelimitAdapter: LimiterAdapter = {
  name: '@upstash/ratelimit (slidingWindow)',
  packageName: '@upstash/ratelimit',
  keyPattern: (keyPrefix) => `${keyPrefix}*`,
  async create({ redis, limit, windowSeconds, keyPrefix }) {
    const { Ratelimit } = await loadOptionalPackage<UpstashRatelimitModule>('@upstash/ratelimit');
    const ratelimit = new Ratelimit({
      redis: ioredisAsUpstash(redis),
      limiter: Ratelimit.slidingWindow(limit, `${windowSeconds} s`),
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
    scriptLoad: async (script) => String(await redis.script('LOAD', script)),
  };
}
