import { Inject, Injectable, Logger, type OnModuleInit, Optional } from '@nestjs/common';
import { REDIS_CLIENT, type RedisClient } from '@tenantpay/platform';
import { randomUUID } from 'node:crypto';
import { TenancyMetrics } from '../metrics/tenancy-metrics';
import type { TenantKey } from '../resolution/tenant-reference';
import type { Awaitable } from '../resolution/then-or-now';
import { normalizeHostname } from '../tenants/hostname';
import { slugProblem } from '../tenants/slug';
import type { Tenant } from '../tenants/tenant';
import { type TenantSnapshot, toTenantSnapshot } from '../tenants/tenant-snapshot';
import { isObjectIdHex, TenantsRepository } from '../tenants/tenants.repository';
import { ExpiringLruCache } from './expiring-lru-cache';
import { TenantCacheInvalidationSubscriber } from './tenant-cache-invalidation.subscriber';
import {
  TENANT_CACHE_INVALIDATION_CHANNEL,
  TENANT_CACHE_NOT_FOUND,
  TENANT_CACHE_TOMBSTONE_PREFIX,
  TENANT_CACHE_TOMBSTONE_TTL_SECONDS,
  TENANT_CACHE_TTL_SECONDS,
  TENANT_LOCAL_CACHE_MAX_ENTRIES,
  TENANT_LOCAL_CACHE_TTL_MS,
  TENANT_NEGATIVE_CACHE_TTL_SECONDS,
  tenantCacheKeys,
} from './tenant-cache-keys.constant';
import { decodeTenantSnapshot, encodeTenantSnapshot } from './tenant-snapshot-codec';

/**
 * Stores a value only if the key still holds what the load saw before reading MongoDB (nothing, a
 * tombstone, or garbage): an invalidation in between has replaced it with a new tombstone, and then the
 * possibly stale value is dropped.
 */
const SET_IF_UNCHANGED = `
local current = redis.call('GET', KEYS[1])
if (current == false and ARGV[1] == '') or current == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
  return 1
end
return 0`;

/** What a Redis read found: an answer, or a miss together with the raw value the miss was (null: absent). */
type RedisRead =
  { readonly entry: LocalEntry } | { readonly entry: undefined; readonly observed: string | null };

/** An in-process answer: a tenant, or the knowledge that there is none. */
const NOT_FOUND = Symbol('tenant not found');
type LocalEntry = TenantSnapshot | typeof NOT_FOUND;

/**
 * Finds tenants by id, slug or verified custom domain (SPEC §4), through two cache levels:
 *
 * 1. an in-process LRU, so a steady request costs no round trip at all. It is trusted only while this
 *    instance hears the invalidation channel; without it, it is cleared and bypassed.
 * 2. Redis cache-aside (5 minutes, with 30-second "not found" entries) in front of MongoDB. Invalidation
 *    leaves tombstones that only a load begun after it may replace (see SET_IF_UNCHANGED).
 *
 * Concurrent misses of one key share one load (single flight). Redis failures degrade to MongoDB and are
 * logged once per outage; they never fail a lookup. Changes are announced with {@link invalidate}, which
 * must be given the tenant before AND after the change, so keys the change retired (an old slug, a
 * removed domain) are dropped too.
 */
@Injectable()
export class TenantLookupService implements OnModuleInit {
  private readonly logger = new Logger('TenantCache');
  private readonly local = new ExpiringLruCache<LocalEntry>(TENANT_LOCAL_CACHE_MAX_ENTRIES);
  private readonly inFlight = new Map<string, Promise<TenantSnapshot | null>>();
  /**
   * Bumped by every invalidation and every loss of the channel. A load stores its result only if the
   * epoch has not moved since it began: otherwise it may have read the tenant before the change.
   */
  private epoch = 0;
  private redisOutage = false;
  /** Invalidations Redis could not take; retried when it is back, so it never serves them stale. */
  private readonly pendingInvalidations = new Set<string>();

  constructor(
    private readonly tenants: TenantsRepository,
    @Inject(REDIS_CLIENT) private readonly redis: RedisClient,
    private readonly subscriber: TenantCacheInvalidationSubscriber,
    @Optional() private readonly metrics?: TenancyMetrics,
  ) {
    subscriber.addListener({
      onInvalidate: (keys) => this.dropLocal(keys),
      onReset: () => this.resetLocal(),
    });
  }

  onModuleInit(): void {
    this.redis.on('ready', () => void this.flushPendingInvalidations());
  }

  /** Whether the in-process level is in use (it is only while the invalidation channel is heard). */
  get localCacheActive(): boolean {
    return this.subscriber.listening;
  }

  find(key: TenantKey): Promise<TenantSnapshot | null> {
    return Promise.resolve(this.findNow(key));
  }

  /**
   * The same answer, given at once on an in-process hit: tenant resolution asks on every request, and a
   * promise there costs AsyncLocalStorage's promise hook (Node 20) and a microtask turn.
   */
  findNow(key: TenantKey): Awaitable<TenantSnapshot | null> {
    switch (key.by) {
      case 'id':
        return this.byId(key.value);
      case 'slug':
        return this.bySlug(key.value);
      case 'domain':
        return this.byVerifiedDomain(key.value);
    }
  }

  findById(id: string): Promise<TenantSnapshot | null> {
    return Promise.resolve(this.byId(id));
  }

  /**
   * The tenants placed on one of `placements`, by id. Read from MongoDB every time, not cached: platform reads
   * and sweeps use it to read each tenant only on its current placement, and a stale answer would make them
   * read a moved tenant's retained old copy.
   */
  tenantsPlacedOn(placements: readonly string[]): Promise<ReadonlyMap<string, string>> {
    return this.tenants.placedOn(placements);
  }

  findBySlug(slug: string): Promise<TenantSnapshot | null> {
    return Promise.resolve(this.bySlug(slug));
  }

  findByVerifiedDomain(host: string): Promise<TenantSnapshot | null> {
    return Promise.resolve(this.byVerifiedDomain(host));
  }

  /**
   * Drops every key of the given tenant states from every instance's caches: here at once, in Redis
   * (as short-lived tombstones that refuse racing refills), and on other instances over pub/sub.
   */
  async invalidate(...tenants: readonly (TenantSnapshot | Tenant | null)[]): Promise<void> {
    await this.invalidateKeys([
      ...new Set(tenants.flatMap((tenant) => (tenant === null ? [] : keysOf(tenant)))),
    ]);
  }

  /**
   * The same for cache keys of other caches that share the invalidation channel (tenantCacheKeys, e.g.
   * identity's user access): dropped here, tombstoned in Redis, announced to every instance, and retried
   * once Redis is back if it cannot take them now.
   */
  async invalidateKeys(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    this.dropLocal(keys);
    for (const key of keys) this.pendingInvalidations.add(key);
    await this.flushPendingInvalidations();
  }

  private byId(id: string): Awaitable<TenantSnapshot | null> {
    if (!isObjectIdHex(id)) return null;
    return this.lookup(tenantCacheKeys.byId(id), () => this.tenants.findById(id));
  }

  private bySlug(slug: string): Awaitable<TenantSnapshot | null> {
    // Reserved or malformed slugs can never name a tenant: answered without touching any store.
    if (slugProblem(slug) !== null) return null;
    return this.lookup(tenantCacheKeys.bySlug(slug), () => this.tenants.findBySlug(slug));
  }

  private byVerifiedDomain(host: string): Awaitable<TenantSnapshot | null> {
    const hostname = normalizeHostname(host);
    if (hostname === null) return null;
    return this.lookup(tenantCacheKeys.byDomain(hostname), () => this.tenants.findByVerifiedDomain(hostname));
  }

  /** Not async: a local hit is answered at once (see findNow). */
  private lookup(key: string, load: () => Promise<Tenant | null>): Awaitable<TenantSnapshot | null> {
    if (this.subscriber.listening) {
      const hit = this.local.get(key);
      this.metrics?.recordCacheLookup('local', hit === undefined ? 'miss' : 'hit');
      if (hit !== undefined) return hit === NOT_FOUND ? null : hit;
    }
    const running = this.inFlight.get(key);
    if (running !== undefined) return running;
    const loading = this.loadThroughRedis(key, load).finally(() => {
      if (this.inFlight.get(key) === loading) this.inFlight.delete(key);
    });
    this.inFlight.set(key, loading);
    return loading;
  }

  private async loadThroughRedis(
    key: string,
    load: () => Promise<Tenant | null>,
  ): Promise<TenantSnapshot | null> {
    const startedAt = this.epoch;
    const read = await this.readRedis(key);
    if (read?.entry !== undefined) {
      this.storeLocal(key, read.entry, startedAt);
      return read.entry === NOT_FOUND ? null : read.entry;
    }
    const tenant = await load();
    const snapshot = tenant === null ? null : toTenantSnapshot(tenant);
    if (read !== undefined && startedAt === this.epoch) await this.writeRedis(key, snapshot, read.observed);
    this.storeLocal(key, snapshot ?? NOT_FOUND, startedAt);
    return snapshot;
  }

  /** What Redis holds for the key, or undefined when Redis is unavailable. */
  private async readRedis(key: string): Promise<RedisRead | undefined> {
    let value: string | null;
    try {
      value = await this.redis.get(key);
    } catch (error) {
      this.redisFailed(error);
      this.metrics?.recordCacheLookup('redis', 'unavailable');
      return undefined;
    }
    this.redisAnswered();
    if (value === TENANT_CACHE_NOT_FOUND) {
      this.metrics?.recordCacheLookup('redis', 'hit');
      return { entry: NOT_FOUND };
    }
    const snapshot =
      value === null || value.startsWith(TENANT_CACHE_TOMBSTONE_PREFIX) ? null : decodeTenantSnapshot(value);
    this.metrics?.recordCacheLookup('redis', snapshot === null ? 'miss' : 'hit');
    return snapshot === null ? { entry: undefined, observed: value } : { entry: snapshot };
  }

  private async writeRedis(
    key: string,
    snapshot: TenantSnapshot | null,
    observed: string | null,
  ): Promise<void> {
    const [value, ttl] =
      snapshot === null
        ? [TENANT_CACHE_NOT_FOUND, TENANT_NEGATIVE_CACHE_TTL_SECONDS]
        : [encodeTenantSnapshot(snapshot), TENANT_CACHE_TTL_SECONDS];
    try {
      await this.redis.eval(SET_IF_UNCHANGED, 1, key, observed ?? '', value, ttl);
      this.redisAnswered();
    } catch (error) {
      this.redisFailed(error);
    }
  }

  private storeLocal(key: string, entry: LocalEntry, startedAt: number): void {
    if (startedAt !== this.epoch || !this.subscriber.listening) return;
    const ttlMs =
      entry === NOT_FOUND
        ? Math.min(TENANT_LOCAL_CACHE_TTL_MS, TENANT_NEGATIVE_CACHE_TTL_SECONDS * 1_000)
        : TENANT_LOCAL_CACHE_TTL_MS;
    this.local.set(key, entry, ttlMs);
  }

  private dropLocal(keys: readonly string[]): void {
    this.epoch += 1;
    for (const key of keys) {
      this.local.delete(key);
      // Lookups arriving from now on must not join a load that may have read the old state.
      this.inFlight.delete(key);
    }
  }

  private resetLocal(): void {
    this.epoch += 1;
    this.local.clear();
    this.inFlight.clear();
  }

  private async flushPendingInvalidations(): Promise<void> {
    if (this.pendingInvalidations.size === 0) return;
    const keys = [...this.pendingInvalidations];
    try {
      // One SET per key (neither a multi-key command nor a pipeline): keys of one tenant may live on different
      // cluster slots. The client's auto-pipelining still sends them in one write per node.
      const tombstone = `${TENANT_CACHE_TOMBSTONE_PREFIX}${randomUUID()}`;
      await Promise.all([
        ...keys.map((key) => this.redis.set(key, tombstone, 'EX', TENANT_CACHE_TOMBSTONE_TTL_SECONDS)),
        this.redis.spublish(TENANT_CACHE_INVALIDATION_CHANNEL, JSON.stringify(keys)),
      ]);
      for (const key of keys) this.pendingInvalidations.delete(key);
      this.redisAnswered();
    } catch (error) {
      this.redisFailed(error);
    }
  }

  private redisFailed(error: unknown): void {
    if (this.redisOutage) return;
    this.redisOutage = true;
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.warn(`Redis unavailable for tenant lookups, reading MongoDB directly: ${reason}`);
  }

  private redisAnswered(): void {
    if (!this.redisOutage) return;
    this.redisOutage = false;
    this.logger.log('Redis available again for tenant lookups');
    void this.flushPendingInvalidations();
  }
}

/** Every cache key under which a tenant state may be stored, including its not-yet-verified domains. */
function keysOf(tenant: TenantSnapshot | Tenant): string[] {
  const id = 'id' in tenant ? tenant.id : tenant._id.toHexString();
  const domains =
    'allDomains' in tenant ? tenant.allDomains : tenant.domains.map((domain) => domain.hostname);
  return [
    tenantCacheKeys.byId(id),
    tenantCacheKeys.bySlug(tenant.slug),
    ...domains.map((hostname) => tenantCacheKeys.byDomain(hostname)),
  ];
}
