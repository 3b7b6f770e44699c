import { Inject, Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from '@tenantpay/audit';
import { APP_CONFIG, type AppConfig, type ListEnvelope, listEnvelope } from '@tenantpay/platform';
import { TenantContextService } from '@tenantpay/tenancy';
import { Types } from 'mongoose';
import { PlatformUsersRepository } from '../platform-users/platform-users.repository';
import { purgeAfter } from '../retention/ended-credential-retention';
import { AccessTokenService } from '../tokens/access-token.service';
import { InvalidCredentialException } from '../tokens/invalid-credential.exception';
import { UserNotFoundException } from '../users/user-not-found.exception';
import { UsersRepository } from '../users/users.repository';
import { InvalidRefreshTokenException } from './invalid-refresh-token.exception';
import type { IssuedSession, SessionClient } from './issued-session';
import { PlatformUserSessionsRepository } from './platform-user-sessions.repository';
import { generateRefreshToken, parseRefreshToken, sameHash } from './refresh-token';
import { RefreshTokenReusedException } from './refresh-token-reused.exception';
import type { Session } from './session';
import { SESSION_LIST_LIMIT } from './session.constant';
import { SessionEndReason } from './session-end-reason.enum';
import { SessionNotFoundException } from './session-not-found.exception';
import { SessionStateCache } from './session-state-cache.service';
import type { SessionStore } from './session-store';
import { type SessionView, toSessionView } from './session-view';
import { UserSessionsRepository } from './user-sessions.repository';

export type SessionUserKind = 'user' | 'platform-user';

/** Who a session is opened for (its access tokens carry this plus the session's id). */
export type SessionSubject =
  | { readonly kind: 'user'; readonly userId: string; readonly tenantId: string; readonly role: string }
  | { readonly kind: 'platform-user'; readonly userId: string; readonly role: string };

interface SessionOwner {
  readonly kind: SessionUserKind;
  readonly userId: string;
  readonly sessionId: string;
}

/**
 * Sign-in sessions of tenant users (always within the current tenant) and platform users: opened at login,
 * refreshed with a one-time refresh token that is replaced every time (a second use of one ends the whole
 * session: OAuth 2.0 Security BCP, refresh token rotation with reuse detection), ended by logout or
 * revocation. An ended session's access tokens stop working on every instance at their next request
 * (SessionStateCache).
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly userSessions: UserSessionsRepository,
    private readonly platformSessions: PlatformUserSessionsRepository,
    private readonly state: SessionStateCache,
    private readonly tokens: AccessTokenService,
    private readonly users: UsersRepository,
    private readonly platformUsers: PlatformUsersRepository,
    private readonly tenantContext: TenantContextService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** After a successful login. */
  async open(subject: SessionSubject, client: SessionClient): Promise<IssuedSession> {
    const store = this.storeOf(subject.kind);
    const now = new Date();
    const id = store.newId();
    const refresh = generateRefreshToken(id);
    const expiresAt = new Date(now.getTime() + this.config.auth.sessionMaxLifetimeSeconds * 1000);
    const idleExpiresAt = this.idleExpiry(now, expiresAt);
    await store.insert({
      _id: id,
      userId: new Types.ObjectId(subject.userId),
      refreshTokenHash: refresh.hash,
      idleExpiresAt,
      expiresAt,
      // Kept past its absolute expiry however it ended (logout, revocation, reuse, idle): until then any refresh
      // token of the family, current or rotated away, may still be presented, and a revoked family must go on
      // recognising a rotated one as reuse (refused and audited as such) instead of answering "unknown". The
      // retention beyond that keeps the session the audit trail names for its readers.
      purgeAfter: purgeAfter(expiresAt, this.config.auth.endedCredentialRetentionDays),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 512) ?? null,
    });
    const sessionId = id.toHexString();
    const access = await this.tokens.issue({ ...subject, sessionId });
    return { ...access, refreshToken: refresh.token, refreshTokenExpiresAt: idleExpiresAt, sessionId };
  }

  /**
   * A new access token and the next refresh token for a refresh token that is current. Of two concurrent
   * refreshes with one token exactly one succeeds; the other counts as reuse (the BCP's rule: a client
   * never has a reason to send a token twice).
   */
  async refresh(kind: SessionUserKind, refreshToken: string, client: SessionClient): Promise<IssuedSession> {
    const parsed = parseRefreshToken(refreshToken);
    if (parsed === null) throw new InvalidRefreshTokenException();
    const store = this.storeOf(kind);
    const session = await store.findById(parsed.sessionId);
    if (session === null) throw new InvalidRefreshTokenException();
    if (!sameHash(parsed.hash, session.refreshTokenHash)) {
      const reused = session.rotatedRefreshTokenHashes.some((hash) => sameHash(hash, parsed.hash));
      if (reused) return this.endReusedFamily(kind, session, client);
      throw new InvalidRefreshTokenException();
    }
    const now = new Date();
    if (hasEnded(session, now)) throw new InvalidRefreshTokenException();
    const role = await this.currentRole(kind, session.userId);
    if (role === null) {
      await this.end(kind, session, SessionEndReason.UserDeactivated, client.ip);
      throw new InvalidRefreshTokenException();
    }
    const next = generateRefreshToken(session._id);
    const idleExpiresAt = this.idleExpiry(now, session.expiresAt);
    const sessionId = session._id.toHexString();
    const rotated = await store.rotate(sessionId, session.refreshTokenHash, next.hash, now, idleExpiresAt);
    if (rotated === null) {
      const latest = await store.findById(sessionId);
      if (latest === null || hasEnded(latest, now)) throw new InvalidRefreshTokenException();
      return this.endReusedFamily(kind, latest, client);
    }
    const userId = session.userId.toHexString();
    // The role is read again at each refresh, so a changed role applies from the next refresh, not the next login.
    const access = await this.tokens.issue(
      kind === 'user'
        ? { kind, userId, tenantId: this.tenantContext.getTenantId(), role, sessionId }
        : { kind, userId, role, sessionId },
    );
    return { ...access, refreshToken: next.token, refreshTokenExpiresAt: idleExpiresAt, sessionId };
  }

  /** Ends the session of the current access token. */
  async logout(ip: string | null): Promise<void> {
    const owner = this.currentOwner();
    const session = await this.storeOf(owner.kind).findById(owner.sessionId);
    if (session !== null) await this.end(owner.kind, session, SessionEndReason.Logout, ip);
  }

  /** The caller's own sessions that have not ended. */
  async listOwn(): Promise<ListEnvelope<SessionView>> {
    const owner = this.currentOwner();
    const sessions = await this.storeOf(owner.kind).listLive(
      owner.userId,
      new Date(),
      SESSION_LIST_LIMIT + 1,
    );
    return newestSessions(sessions, owner.sessionId);
  }

  /** Ends one of the caller's own sessions (another user's session id answers 404). */
  async revokeOwn(sessionId: string, ip: string | null): Promise<void> {
    const owner = this.currentOwner();
    const session = await this.storeOf(owner.kind).findById(sessionId);
    if (session === null || session.userId.toHexString() !== owner.userId || hasEnded(session, new Date())) {
      throw new SessionNotFoundException();
    }
    await this.end(owner.kind, session, SessionEndReason.RevokedByUser, ip);
  }

  /** A tenant user's live sessions, for the tenant's admins. */
  async listOfUser(userId: string): Promise<ListEnvelope<SessionView>> {
    await this.existingUser(userId);
    const sessions = await this.userSessions.listLive(userId, new Date(), SESSION_LIST_LIMIT + 1);
    return newestSessions(sessions, null);
  }

  /**
   * Ends every live session of a tenant user of the current tenant (an admin's revocation, a deactivation):
   * their access tokens stop working on every instance, their refresh tokens are refused. Answers how many.
   */
  async revokeAllOfUser(userId: string, reason: SessionEndReason, ip: string | null): Promise<number> {
    await this.existingUser(userId);
    return this.revokeAllOf('user', userId, reason, ip);
  }

  /**
   * Ends every live session of a user (a tenant user of the current tenant, or a platform user) but
   * `keepSessionId` (the caller's own, when they changed their password): their access tokens stop working on
   * every instance, their refresh tokens are refused. Answers how many ended.
   */
  async revokeAllOf(
    kind: SessionUserKind,
    userId: string,
    reason: SessionEndReason,
    ip: string | null,
    keepSessionId: string | null = null,
  ): Promise<number> {
    const store = this.storeOf(kind);
    const now = new Date();
    const ids = (await store.listLive(userId, now, Number.MAX_SAFE_INTEGER))
      .map((session) => session._id.toHexString())
      .filter((id) => id !== keepSessionId);
    if (ids.length === 0) return 0;
    await store.revokeMany(userId, ids, reason, now);
    await this.state.invalidate(this.tenantIdOf(kind), ids);
    const resourceType = kind === 'user' ? 'user' : 'platform_user';
    await this.audit.recordChange(AuditAction.AuthSessionRevoked, { type: resourceType, id: userId }, ip, {
      reason,
      sessions: ids.length,
    });
    return ids.length;
  }

  private async end(
    kind: SessionUserKind,
    session: Session,
    reason: SessionEndReason,
    ip: string | null,
  ): Promise<void> {
    const sessionId = session._id.toHexString();
    const ended = await this.storeOf(kind).revoke(sessionId, reason, new Date());
    if (ended === null) return;
    await this.state.invalidate(this.tenantIdOf(kind), [sessionId]);
    await this.audit.record({
      action: reason === SessionEndReason.Logout ? AuditAction.AuthLogout : AuditAction.AuthSessionRevoked,
      outcome: 'success',
      actor: { type: kind, id: session.userId.toHexString() },
      resource: { type: 'session', id: sessionId },
      ip,
      metadata: { reason },
    });
  }

  private async endReusedFamily(
    kind: SessionUserKind,
    session: Session,
    client: SessionClient,
  ): Promise<never> {
    const sessionId = session._id.toHexString();
    await this.storeOf(kind).revoke(sessionId, SessionEndReason.RefreshTokenReused, new Date());
    await this.state.invalidate(this.tenantIdOf(kind), [sessionId]);
    await this.audit.record({
      action: AuditAction.AuthRefreshTokenReused,
      outcome: 'denied',
      // Whoever presented it may not be the user: the token is the only identity here.
      actor: { type: 'anonymous' },
      resource: { type: 'session', id: sessionId },
      ip: client.ip,
      metadata: { userId: session.userId.toHexString(), userAgent: client.userAgent },
    });
    throw new RefreshTokenReusedException();
  }

  /** The user's role now, or null when they may no longer sign in. */
  private async currentRole(kind: SessionUserKind, userId: Types.ObjectId): Promise<string | null> {
    const user =
      kind === 'user'
        ? await this.users.findById(userId)
        : await this.platformUsers.findById(userId.toHexString());
    return user !== null && user.isActive ? user.role : null;
  }

  private async existingUser(userId: string): Promise<void> {
    if (!Types.ObjectId.isValid(userId) || (await this.users.findById(userId)) === null) {
      throw new UserNotFoundException();
    }
  }

  private currentOwner(): SessionOwner {
    const principal = this.tenantContext.current()?.principal ?? null;
    if (principal?.kind === 'user' || principal?.kind === 'platform-user') {
      return { kind: principal.kind, userId: principal.userId, sessionId: principal.sessionId };
    }
    // API keys have no session.
    throw new InvalidCredentialException();
  }

  private storeOf(kind: SessionUserKind): SessionStore {
    return kind === 'user' ? this.userSessions : this.platformSessions;
  }

  private tenantIdOf(kind: SessionUserKind): string | null {
    return kind === 'user' ? this.tenantContext.getTenantId() : null;
  }

  private idleExpiry(now: Date, expiresAt: Date): Date {
    const idle = now.getTime() + this.config.auth.sessionIdleTimeoutSeconds * 1000;
    return new Date(Math.min(idle, expiresAt.getTime()));
  }
}

function hasEnded(session: Session, now: Date): boolean {
  return session.revokedAt !== null || session.expiresAt <= now || session.idleExpiresAt <= now;
}

/**
 * The newest SESSION_LIST_LIMIT live sessions, in the list envelope. Sessions are not paged (a user with more
 * live sessions than that ends some); `has_more` still tells the caller the list is not complete.
 */
function newestSessions(
  sessions: readonly Session[],
  currentSessionId: string | null,
): ListEnvelope<SessionView> {
  return listEnvelope(
    sessions.slice(0, SESSION_LIST_LIMIT).map((session) => toSessionView(session, currentSessionId)),
    sessions.length > SESSION_LIST_LIMIT,
  );
}
