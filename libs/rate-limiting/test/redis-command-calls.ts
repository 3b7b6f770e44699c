import { type RedisClient, redisMasters } from '@tenantpay/platform';

/**
 * Calls per command from INFO commandstats (scripted commands count too), summed over every master on a
 * cluster, for "did this reach Redis" checks.
 */
export async function redisCommandCalls(redis: RedisClient): Promise<Record<string, number>> {
  const calls: Record<string, number> = {};
  for (const master of redisMasters(redis)) {
    const info = await master.info('commandstats');
    for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
      const name = match[1] ?? '';
      calls[name] = (calls[name] ?? 0) + Number(match[2]);
    }
  }
  return calls;
}
