import { createHash } from 'node:crypto';

import type { ChainableCommander } from 'ioredis';
import type Redis from 'ioredis';

/**
 * A Lua script called by its SHA1. Redis forgets scripts on restart or failover; the NOSCRIPT answer then
 * triggers one SCRIPT LOAD and a retry. Pipelines (buffer replays) load the script first, since a pipeline
 * cannot retry one of its commands alone.
 */
export class UsageLuaScript {
  readonly sha: string;

  constructor(readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async load(redis: Redis): Promise<void> {
    await redis.script('LOAD', this.source);
  }

  async evaluate(
    redis: Redis,
    keys: readonly string[],
    args: readonly (string | number)[],
  ): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
      await this.load(redis);
      return redis.evalsha(this.sha, keys.length, ...keys, ...args);
    }
  }

  queue(pipeline: ChainableCommander, keys: readonly string[], args: readonly (string | number)[]): void {
    pipeline.evalsha(this.sha, keys.length, ...keys, ...args);
  }
}
