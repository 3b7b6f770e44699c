import { Inject, Injectable } from '@nestjs/common';
import { REDIS_CLIENT } from '@tenantpay/platform';
import type Redis from 'ioredis';
import {
  USAGE_CHANGED_SHARDS_KEY,
  USAGE_CHANGED_SHARD_NOTE_EVERY_MS,
  USAGE_CHANGED_SHARDS_WINDOW_MS,
} from './usage.constant';

/**
 * Which dirty shards changed lately, so the sync job reads those instead of probing all 16,384 shards on
 * every run (about 130 ms of worker CPU and 16k Redis commands per run, whatever the number of tenants).
 *
 * Producers note a tenant's shard in one sorted set, scored by the time they noted it, at most once per
 * {@link USAGE_CHANGED_SHARD_NOTE_EVERY_MS} per shard and process: O(active tenants) commands, not
 * O(requests). The note is a hint, not the marker: the marker stays in the shard, written atomically with the
 * counts by the tenant's own script (one Cluster slot), so a lost note delays a copy but never loses a count.
 * The sync job lists the shards noted within {@link USAGE_CHANGED_SHARDS_WINDOW_MS} (longer than a sync
 * interval plus clock skew between processes) and still walks every shard at its start and periodically (see
 * UsageSyncService), which covers notes lost with Redis or never written.
 */
@Injectable()
export class ChangedUsageShards {
  /** When this process last noted each shard (ms); at most one entry per shard. */
  private readonly notedAt = new Map<string, number>();

  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {
    // A reconnect may be to a Redis that lost its data, notes included: note every shard again.
    redis.on('ready', () => this.notedAt.clear());
  }

  /**
   * Notes that a tenant's usage shard (its UsageDirtyShards.tagFor tag) is about to change. Takes the tag
   * its caller already computed for the shard's key: this runs on every metered request. Never throws, never
   * waits.
   */
  note(tag: string, now = Date.now()): void {
    const last = this.notedAt.get(tag);
    if (last !== undefined && now - last < USAGE_CHANGED_SHARD_NOTE_EVERY_MS) return;
    this.notedAt.set(tag, now);
    // A failed note is covered by the sync job's periodic walk of every shard: nothing to retry here.
    this.redis.zadd(USAGE_CHANGED_SHARDS_KEY, 'GT', now, tag).catch(() => undefined);
  }

  /** The shards noted within the window before `now`; older notes are dropped. */
  async recent(now = Date.now()): Promise<string[]> {
    const since = now - USAGE_CHANGED_SHARDS_WINDOW_MS;
    const [tags] = await Promise.all([
      this.redis.zrangebyscore(USAGE_CHANGED_SHARDS_KEY, since, '+inf'),
      this.redis.zremrangebyscore(USAGE_CHANGED_SHARDS_KEY, '-inf', `(${since}`),
    ]);
    return tags;
  }
}
