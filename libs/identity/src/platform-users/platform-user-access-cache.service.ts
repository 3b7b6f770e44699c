import { Injectable } from '@nestjs/common';
import {
  type Awaitable,
  ChannelInvalidatedCache,
  TenantCacheInvalidationSubscriber,
  tenantCacheKey,
  tenantCacheKeys,
  TenantLookupService,
} from '@tenantpay/tenancy';
import {
  PLATFORM_USER_ACCESS_LOCAL_CACHE_MAX_ENTRIES,
  USER_ACCESS_LOCAL_CACHE_TTL_MS,
} from '../identity.constant';
import { PlatformUsersRepository } from './platform-users.repository';

/** What a request needs to know about a platform operator's access token's user now. */
export interface PlatformUserAccess {
  readonly isActive: boolean;
  readonly role: string;
}

/**
 * Whether a platform operator may still act, for every request that carries their access token: the
 * machinery of UserAccessCache (ChannelInvalidatedCache), so a steady request costs no MongoDB read and a
 * deactivation is heard by every instance before their next request.
 */
@Injectable()
export class PlatformUserAccessCache {
  private readonly cache: ChannelInvalidatedCache<PlatformUserAccess | null>;

  constructor(
    private readonly platformUsers: PlatformUsersRepository,
    tenants: TenantLookupService,
    subscriber: TenantCacheInvalidationSubscriber,
  ) {
    this.cache = new ChannelInvalidatedCache<PlatformUserAccess | null>(subscriber, tenants, {
      keyPrefix: tenantCacheKey('platform-user', ''),
      ttlMs: USER_ACCESS_LOCAL_CACHE_TTL_MS,
      maxEntries: PLATFORM_USER_ACCESS_LOCAL_CACHE_MAX_ENTRIES,
    });
  }

  /** The operator's access now; null when no such operator exists. */
  find(userId: string): Awaitable<PlatformUserAccess | null> {
    return this.cache.get(tenantCacheKeys.byPlatformUser(userId), async () => {
      const user = await this.platformUsers.findById(userId);
      return user === null ? null : { isActive: user.isActive, role: user.role };
    });
  }

  /** After the operator was deactivated or reactivated: every instance forgets its copy. */
  invalidate(userId: string): Promise<void> {
    return this.cache.invalidate([tenantCacheKeys.byPlatformUser(userId)]);
  }
}
