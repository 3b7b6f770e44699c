import { Injectable } from '@nestjs/common';
import {
  type Awaitable,
  ChannelInvalidatedCache,
  ResolutionMethod,
  TenantCacheInvalidationSubscriber,
  tenantCacheKey,
  tenantCacheKeys,
  TenantContextService,
  TenantLookupService,
  thenOrNow,
} from '@tenantpay/tenancy';
import { USER_ACCESS_LOCAL_CACHE_MAX_ENTRIES, USER_ACCESS_LOCAL_CACHE_TTL_MS } from '../identity.constant';
import type { UserAccess } from './user-access';
import { UsersRepository } from './users.repository';

/** The knowledge that the user does not exist (in that tenant). */
const GONE = Symbol('no such user');
type Entry = UserAccess | typeof GONE;

/**
 * Whether a tenant user may still act, and as what, for every request that carries their access token.
 * Built on the tenant cache's machinery (SPEC §4, ChannelInvalidatedCache) so that a steady request costs no
 * round trip at all, and invalidated on every instance when a user is deactivated or changes role.
 */
@Injectable()
export class UserAccessCache {
  private readonly cache: ChannelInvalidatedCache<Entry>;

  constructor(
    private readonly users: UsersRepository,
    private readonly tenants: TenantLookupService,
    private readonly tenantContext: TenantContextService,
    subscriber: TenantCacheInvalidationSubscriber,
  ) {
    this.cache = new ChannelInvalidatedCache<Entry>(subscriber, tenants, {
      keyPrefix: tenantCacheKey('user', ''),
      ttlMs: USER_ACCESS_LOCAL_CACHE_TTL_MS,
      maxEntries: USER_ACCESS_LOCAL_CACHE_MAX_ENTRIES,
    });
  }

  /** The user's access now; null when no such user exists in that tenant (or the tenant is gone). */
  /** Not async: answered at once from this process's copy (see ChannelInvalidatedCache). */
  find(tenantId: string, userId: string): Awaitable<UserAccess | null> {
    const entry = this.cache.get(tenantCacheKeys.byUser(tenantId, userId), () => this.load(tenantId, userId));
    return thenOrNow(entry, accessOf);
  }

  /** After the current tenant's user was deactivated or changed role: every instance forgets its copy. */
  invalidate(userId: string): Promise<void> {
    return this.cache.invalidate([tenantCacheKeys.byUser(this.tenantContext.getTenantId(), userId)]);
  }

  private async load(tenantId: string, userId: string): Promise<Entry> {
    const tenant = await this.tenants.findById(tenantId);
    if (tenant === null) return GONE;
    // Read in the user's own tenant, as that tenant's requests read it; the token named it and is verified.
    const user = await this.tenantContext.run(
      { tenant, resolvedBy: ResolutionMethod.JwtClaim, principal: null, requestId: '' },
      () => this.users.findById(userId),
    );
    return user === null ? GONE : { isActive: user.isActive, role: user.role };
  }
}

function accessOf(entry: Entry): UserAccess | null {
  return entry === GONE ? null : entry;
}
