import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { waitAtMost } from '../async/wait-at-most';
import type { RedisClient } from '../redis/redis-client';
import { REDIS_CLIENT } from '../redis/redis-client.constant';

/** Redis is up when it answers PING within the timeout. */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
  ) {}

  async check(key: string, timeoutMs: number) {
    const indicator = this.indicators.check(key);
    let failure: unknown;
    const ping = this.redis.ping().catch((error: unknown) => {
      failure = error ?? new Error('unreachable');
    });
    if (!(await waitAtMost(ping, timeoutMs)))
      return indicator.down({ message: `no answer within ${timeoutMs} ms` });
    if (failure !== undefined)
      return indicator.down({ message: failure instanceof Error ? failure.message : 'unreachable' });
    return indicator.up();
  }
}
