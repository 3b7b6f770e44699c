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
import { PlatformUserSessionsRepository } from './platform-user-sessions.repository';
import {
  PLATFORM_SESSION_OWNER,
  SESSION_STATE_LOCAL_CACHE_MAX_ENTRIES,
  SESSION_STATE_LOCAL_CACHE_TTL_MS,
} from './session.constant';
import { UserSessionsRepository } from './user-sessions.repository';

/** Until when (epoch ms) a session stands; 0 when it has ended or never existed. */
type SessionEnd = number;

/**
 * Whether the session an access token names (`sid`) still stands, for every request that carries one: the
 * same machinery as UserAccessCache (ChannelInvalidatedCache), so a steady request costs no round trip and a
 * logout or revocation is heard by every instance before their next request. A session's idle timeout only
 * limits refreshing; an access token lives until its own `exp` or until its session is ended or reaches its
 * maximum lifetime.
 */
@Injectable()
export class SessionStateCache {
  private readonly cache: ChannelInvalidatedCache<SessionEnd>;

  constructor(
    private readonly userSessions: UserSessionsRepository,
    private readonly platformSessions: PlatformUserSessionsRepository,
    private readonly tenants: TenantLookupService,
    private readonly tenantContext: TenantContextService,
    subscriber: TenantCacheInvalidationSubscriber,
  ) {
    this.cache = new ChannelInvalidatedCache<SessionEnd>(subscriber, tenants, {
      keyPrefix: tenantCacheKey('session', ''),
      ttlMs: SESSION_STATE_LOCAL_CACHE_TTL_MS,
      maxEntries: SESSION_STATE_LOCAL_CACHE_MAX_ENTRIES,
    });
  }

  /** Whether a tenant user's session (tenantId) or a platform user's (null) stands now. */
  /** Not async: answered at once from this process's copy (see ChannelInvalidatedCache). */
  isLive(tenantId: string | null, sessionId: string): Awaitable<boolean> {
    const owner = tenantId ?? PLATFORM_SESSION_OWNER;
    const endsAt = this.cache.get(tenantCacheKeys.bySession(owner, sessionId), () =>
      this.load(tenantId, sessionId),
    );
    return thenOrNow(endsAt, standsNow);
  }

  /** After sessions ended: every instance forgets what it knew of them. */
  invalidate(tenantId: string | null, sessionIds: readonly string[]): Promise<void> {
    const owner = tenantId ?? PLATFORM_SESSION_OWNER;
    return this.cache.invalidate(sessionIds.map((id) => tenantCacheKeys.bySession(owner, id)));
  }

  private async load(tenantId: string | null, sessionId: string): Promise<SessionEnd> {
    if (tenantId === null) return endOf(await this.platformSessions.findById(sessionId));
    const tenant = await this.tenants.findById(tenantId);
    if (tenant === null) return 0;
    // Read in the session's own tenant; the verified token named it.
    const session = await this.tenantContext.run(
      { tenant, resolvedBy: ResolutionMethod.JwtClaim, principal: null, requestId: '' },
      () => this.userSessions.findById(sessionId),
    );
    return endOf(session);
  }
}

function standsNow(endsAt: SessionEnd): boolean {
  return Date.now() < endsAt;
}

function endOf(session: { readonly revokedAt: Date | null; readonly expiresAt: Date } | null): SessionEnd {
  return session === null || session.revokedAt !== null ? 0 : session.expiresAt.getTime();
}
