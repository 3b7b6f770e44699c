import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { waitAtMost } from '../async/wait-at-most';
import { type RedisClient, redisMasters } from '../redis/redis-client';
import { REDIS_CLIENT } from '../redis/redis-client.constant';
import { evictionPolicyOf, REDIS_NO_EVICTION } from './redis-eviction-policy';

/**
 * Redis is up when it answers PING within the timeout, and only if it never evicts keys on its own: usage
 * counters, quota holds, producer marks, idempotency leases and placement ledgers live in Redis, and a key
 * dropped to make room would lose or double money silently (a dropped lease lets a payment be created twice).
 * Redis's default policy is `noeviction` (a full Redis refuses writes, which callers see and degrade on); a
 * managed Redis often ships with an LRU policy instead, so an instance on one is not ready, saying why. Every
 * master is asked on a cluster. A Redis that refuses INFO cannot be checked and is taken at its PING.
 */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
  ) {}

  async check(key: string, timeoutMs: number) {
    const indicator = this.indicators.check(key);
    let failure: unknown;
    let evicting: string | undefined;
    const probe = this.redis
      .ping()
      .then(() => this.evictingPolicy())
      .then(
        (policy) => {
          evicting = policy;
        },
        (error: unknown) => {
          failure = error ?? new Error('unreachable');
        },
      );
    if (!(await waitAtMost(probe, timeoutMs)))
      return indicator.down({ message: `no answer within ${timeoutMs} ms` });
    if (failure !== undefined)
      return indicator.down({ message: failure instanceof Error ? failure.message : 'unreachable' });
    if (evicting !== undefined) {
      return indicator.down({
        message:
          `maxmemory-policy is ${evicting}: Redis may evict the keys that hold usage, quotas, idempotency ` +
          `leases and placement ledgers; set maxmemory-policy ${REDIS_NO_EVICTION}`,
        maxmemoryPolicy: evicting,
      });
    }
    return indicator.up();
  }

  /** The first master's policy other than `noeviction`, if any (undefined also when INFO is refused). */
  private async evictingPolicy(): Promise<string | undefined> {
    const policies = await Promise.all(
      redisMasters(this.redis).map((master) => master.info('memory').then(evictionPolicyOf, () => undefined)),
    );
    return policies.find((policy) => policy !== undefined && policy !== REDIS_NO_EVICTION);
  }
}
