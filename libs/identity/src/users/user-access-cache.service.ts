import { Injectable } from '@nestjs/common';
import {
  ExpiringLruCache,
  ResolutionMethod,
  TenantCacheInvalidationSubscriber,
  tenantCacheKey,
  tenantCacheKeys,
  TenantContextService,
  TenantLookupService,
} from '@tenantpay/tenancy';
import { USER_ACCESS_LOCAL_CACHE_MAX_ENTRIES, USER_ACCESS_LOCAL_CACHE_TTL_MS } from '../identity.constant';
import type { UserAccess } from './user-access';
import { UsersRepository } from './users.repository';

/** The knowledge that the user does not exist (in that tenant). */
const GONE = Symbol('no such user');
type Entry = UserAccess | typeof GONE;
/** The channel also carries the tenant lookups' keys; only these are this cache's. */
const OWN_KEY_PREFIX = tenantCacheKey('user', '');

/**
 * Whether a tenant user may still act, and as what, for every request that carries their access token.
 * Built on the tenant cache's machinery (SPEC §4) so that a steady request costs no round trip at all: an
 * in-process LRU trusted only while this instance hears the tenant cache's invalidation channel (cleared
 * and bypassed otherwise), filled from MongoDB on a miss (one load per key at a time), and invalidated on
 * every instance through that channel when a user is deactivated or changes role.
 *
 * A load stores its result only if no invalidation arrived since it began (the epoch): otherwise it may
 * have read the user before the change. Without the channel (Redis down) every request reads MongoDB,
 * which is slower but never stale.
 */
@Injectable()
export class UserAccessCache {
  private readonly local = new ExpiringLruCache<Entry>(USER_ACCESS_LOCAL_CACHE_MAX_ENTRIES);
  private readonly inFlight = new Map<string, Promise<Entry>>();
  private epoch = 0;

  constructor(
    private readonly users: UsersRepository,
    private readonly tenants: TenantLookupService,
    private readonly tenantContext: TenantContextService,
    private readonly subscriber: TenantCacheInvalidationSubscriber,
  ) {
    subscriber.addListener({
      onInvalidate: (keys) => {
        const own = keys.filter((key) => key.startsWith(OWN_KEY_PREFIX));
        if (own.length > 0) this.drop(own);
      },
      onReset: () => this.reset(),
    });
  }

  /** The user's access now; null when no such user exists in that tenant (or the tenant is gone). */
  async find(tenantId: string, userId: string): Promise<UserAccess | null> {
    const key = tenantCacheKeys.byUser(tenantId, userId);
    if (this.subscriber.listening) {
      const hit = this.local.get(key);
      if (hit !== undefined) return hit === GONE ? null : hit;
    }
    let loading = this.inFlight.get(key);
    if (loading === undefined) {
      const started = this.load(key, tenantId, userId).finally(() => {
        if (this.inFlight.get(key) === started) this.inFlight.delete(key);
      });
      this.inFlight.set(key, started);
      loading = started;
    }
    const entry = await loading;
    return entry === GONE ? null : entry;
  }

  /** After the current tenant's user was deactivated or changed role: every instance forgets its copy. */
  async invalidate(userId: string): Promise<void> {
    const key = tenantCacheKeys.byUser(this.tenantContext.getTenantId(), userId);
    // Here at once; the other instances (and this one again) when the announcement arrives.
    this.drop([key]);
    await this.tenants.invalidateKeys([key]);
  }

  private async load(key: string, tenantId: string, userId: string): Promise<Entry> {
    const startedAt = this.epoch;
    const tenant = await this.tenants.findById(tenantId);
    // Not cached: the tenant lookup keeps its own "no such tenant" answers.
    if (tenant === null) return GONE;
    // Read in the user's own tenant, as that tenant's requests read it; the token named it and is verified.
    const user = await this.tenantContext.run(
      { tenant, resolvedBy: ResolutionMethod.JwtClaim, principal: null, requestId: '' },
      () => this.users.findById(userId),
    );
    const entry: Entry = user === null ? GONE : { isActive: user.isActive, role: user.role };
    if (startedAt === this.epoch && this.subscriber.listening) {
      this.local.set(key, entry, USER_ACCESS_LOCAL_CACHE_TTL_MS);
    }
    return entry;
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
