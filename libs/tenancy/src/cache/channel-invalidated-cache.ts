import type { Awaitable } from '../resolution/then-or-now';
import { ExpiringLruCache } from './expiring-lru-cache';
import type { TenantCacheInvalidationSubscriber } from './tenant-cache-invalidation.subscriber';
import type { TenantLookupService } from './tenant-lookup.service';

export interface ChannelInvalidatedCacheOptions {
  /** Only keys starting with this are this cache's; the channel also carries every other cache's keys. */
  readonly keyPrefix: string;
  readonly ttlMs: number;
  readonly maxEntries: number;
}

/**
 * An in-process cache of facts other caches' owners change rarely but every request reads (a user's access,
 * a session's state), kept consistent across instances by the tenant cache's invalidation channel (SPEC §4):
 * trusted only while this instance hears that channel (cleared and bypassed otherwise), filled by the
 * caller's loader on a miss (one load per key at a time), and dropped on every instance when `invalidate`
 * announces a change.
 *
 * A load stores its result only if no invalidation arrived since it began (the epoch): otherwise it may have
 * read the state before the change. Without the channel (Redis down) every read loads, which is slower but
 * never stale.
 */
export class ChannelInvalidatedCache<V> {
  private readonly local: ExpiringLruCache<V>;
  private readonly inFlight = new Map<string, Promise<V>>();
  private epoch = 0;

  constructor(
    private readonly subscriber: TenantCacheInvalidationSubscriber,
    private readonly tenants: TenantLookupService,
    private readonly options: ChannelInvalidatedCacheOptions,
  ) {
    this.local = new ExpiringLruCache<V>(options.maxEntries);
    subscriber.addListener({
      onInvalidate: (keys) => {
        const own = keys.filter((key) => key.startsWith(options.keyPrefix));
        if (own.length > 0) this.drop(own);
      },
      onReset: () => this.reset(),
    });
  }

  /** Not async: a hit is answered at once, without a promise (the request's credential checks ask on each). */
  get(key: string, load: () => Promise<V>): Awaitable<V> {
    if (this.subscriber.listening) {
      const hit = this.local.get(key);
      if (hit !== undefined) return hit;
    }
    let loading = this.inFlight.get(key);
    if (loading === undefined) {
      const started = this.fill(key, load).finally(() => {
        if (this.inFlight.get(key) === started) this.inFlight.delete(key);
      });
      this.inFlight.set(key, started);
      loading = started;
    }
    return loading;
  }

  /** After the fact behind `keys` changed: every instance forgets its copy. */
  async invalidate(keys: readonly string[]): Promise<void> {
    // Here at once; the other instances (and this one again) when the announcement arrives.
    this.drop(keys);
    await this.tenants.invalidateKeys(keys);
  }

  private async fill(key: string, load: () => Promise<V>): Promise<V> {
    const startedAt = this.epoch;
    const value = await load();
    if (startedAt === this.epoch && this.subscriber.listening) this.local.set(key, value, this.options.ttlMs);
    return value;
  }

  private drop(keys: readonly string[]): void {
    this.epoch += 1;
    for (const key of keys) {
      this.local.delete(key);
      // Requests arriving from now on must not join a load that may have read the old state.
      this.inFlight.delete(key);
    }
  }

  private reset(): void {
    this.epoch += 1;
    this.local.clear();
    this.inFlight.clear();
  }
}
