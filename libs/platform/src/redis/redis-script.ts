import { createHash } from 'node:crypto';

import { Command, type ChainableCommander } from 'ioredis';

import { type RedisClient, redisMasters } from './redis-client';

/**
 * A Lua script called by its SHA1 (EVALSHA sends 40 bytes instead of the whole source). Redis forgets loaded
 * scripts on restart, failover or SCRIPT FLUSH; the NOSCRIPT answer then triggers one SCRIPT LOAD and a retry,
 * so that rare case costs two extra round trips and the common case exactly one. Pipelines load the script
 * first (`load`), since a pipeline cannot retry one of its commands alone. On a cluster every master has its
 * own script cache (a replica promoted by a failover starts without the script), so loading goes to each.
 */
export class RedisScript {
  readonly sha: string;

  constructor(readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  /** Loads the script on every master: on a cluster, each node has its own script cache. */
  async load(redis: RedisClient): Promise<void> {
    await Promise.all(redisMasters(redis).map((master) => master.script('LOAD', this.source)));
  }

  async evaluate(
    redis: RedisClient,
    keys: readonly string[],
    args: readonly (string | number)[],
  ): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!isNoScriptError(error)) throw error;
      await this.load(redis);
      return redis.evalsha(this.sha, keys.length, ...keys, ...args);
    }
  }

  /**
   * The EVALSHA as `redis.evalsha` would build it (the client's key prefix applied), for callers that send it
   * themselves (`redis.sendCommand`) to hold the command rather than a promise of it: a deadline can then
   * reject the command itself. Such callers handle NOSCRIPT ({@link isNoScriptError}) by loading the script
   * and sending a new command.
   */
  command(redis: RedisClient, keys: readonly string[], args: readonly (string | number)[]): Command {
    return new Command('evalsha', [this.sha, keys.length, ...keys, ...args], {
      replyEncoding: 'utf8',
      keyPrefix: redis.options.keyPrefix,
    });
  }

  queue(pipeline: ChainableCommander, keys: readonly string[], args: readonly (string | number)[]): void {
    pipeline.evalsha(this.sha, keys.length, ...keys, ...args);
  }
}

export function isNoScriptError(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}
