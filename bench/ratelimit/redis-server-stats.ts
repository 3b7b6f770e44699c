import type Redis from 'ioredis';

/** Commands the benchmark itself sends to measure; they are not the limiters' work. */
const MEASUREMENT_COMMANDS = new Set([
  'info',
  'memory|usage',
  'scan',
  'flushall',
  'script|load',
  'config|resetstat',
]);

/** Commands a client sends that run others inside them: their time includes the scripted commands'. */
const SCRIPT_COMMANDS = new Set(['eval', 'evalsha', 'eval_ro', 'evalsha_ro']);

/**
 * Server-side command count (scripted commands included) since the last CONFIG RESETSTAT, and the server's
 * time in the limiters' scripts (`usec` of EVAL/EVALSHA, which includes the commands they call): where the
 * time goes on the server, independent of how busy the client machine is.
 */
export async function limiterCommandCount(
  redis: Redis,
): Promise<{ total: number; scriptMicroseconds: number; byCommand: Record<string, number> }> {
  const info = await redis.info('commandstats');
  const byCommand: Record<string, number> = {};
  let total = 0;
  let scriptMicroseconds = 0;
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+),usec=(\d+)/gm)) {
    const name = match[1] ?? '';
    if (MEASUREMENT_COMMANDS.has(name)) continue;
    byCommand[name] = Number(match[2]);
    total += Number(match[2]);
    if (SCRIPT_COMMANDS.has(name)) scriptMicroseconds += Number(match[3]);
  }
  return { total, scriptMicroseconds, byCommand };
}

/** Bytes Redis attributes to the keys matching `pattern` (MEMORY USAGE with every element sampled). */
export async function memoryOfKeys(redis: Redis, pattern: string): Promise<{ keys: number; bytes: number }> {
  let keys = 0;
  let bytes = 0;
  for await (const batch of redis.scanStream({ match: pattern, count: 1000 })) {
    for (const key of batch as string[]) {
      keys += 1;
      bytes += Number(await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0'));
    }
  }
  return { keys, bytes };
}

/** Counts the commands a client sends (each one a request on the wire), without MONITOR. */
export function countSentCommands(redis: Redis): { readonly count: () => number; stop(): void } {
  let sent = 0;
  const original = redis.sendCommand.bind(redis);
  redis.sendCommand = ((...args: Parameters<Redis['sendCommand']>) => {
    sent += 1;
    return original(...args);
  }) as Redis['sendCommand'];
  return {
    count: () => sent,
    stop: () => {
      redis.sendCommand = original;
    },
  };
}
