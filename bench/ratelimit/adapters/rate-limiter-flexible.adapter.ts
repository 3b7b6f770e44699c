import type Redis from 'ioredis';

import type { LimiterAdapter } from '../limiter-adapter';
import { loadOptionalPackage } from './load-optional-package';

interface RateLimiterFlexibleModule {
  RateLimiterRedis: new (options: {
    storeClient: Redis;
    points: number;
    duration: number;
    keyPrefix: string;
  }) => { consume(key: string, points?: number): Promise<unknown> };
}

/**
 * rate-limiter-flexible's RateLimiterRedis: a fixed window counter that starts at a key's first hit, one EVALSHA
 * per `consume` (ioredis `defineCommand`); `consume` rejects with a RateLimiterRes when refused. In-memory
 * blocking of exhausted keys (`inMemoryBlockOnConsumed`) stays at its default, off.
 */
export const rateLimiterFlexibleAdapter: LimiterAdapter = {
  name: 'rate-limiter-flexible (RateLimiterRedis)',
  packageName: 'rate-limiter-flexible',
  keyPattern: (keyPrefix) => `${keyPrefix}*`,
  async create({ redis, limit, windowSeconds, keyPrefix }) {
    const { RateLimiterRedis } =
      await loadOptionalPackage<RateLimiterFlexibleModule>('rate-limiter-flexible');
    const limiter = new RateLimiterRedis({
      storeClient: redis,
      points: limit,
      duration: windowSeconds,
      // The library joins prefix and key with ':'.
      keyPrefix: keyPrefix.replace(/:$/, ''),
    });
    return {
      consume: (subject) =>
        limiter.consume(subject).then(
          () => true,
          (rejection: unknown) => {
            // A refusal rejects with a RateLimiterRes; anything else is a real failure.
            if (rejection instanceof Error) throw rejection;
            return false;
          },
        ),
    };
  },
};
