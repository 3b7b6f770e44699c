import { Injectable } from '@nestjs/common';
import { AuditAction, type AuditResource, AuditService } from '@tenantpay/audit';
import { TransactionService } from '@tenantpay/data-isolation';
import { isDuplicateKeyError, type ListEnvelope, listEnvelope } from '@tenantpay/platform';
import { TenantContextService } from '@tenantpay/tenancy';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { assertPasswordAllowed } from '../passwords/password-policy';
import { SessionEndReason } from '../sessions/session-end-reason.enum';
import { SessionsService } from '../sessions/sessions.service';
import { EmailAlreadyRegisteredException } from '../users/email-already-registered.exception';
import { OwnAccountChangeException } from '../users/own-account-change.exception';
import { LastSuperAdminException } from './last-super-admin.exception';
import type { PlatformUser } from './platform-user';
import { PlatformUserAccessCache } from './platform-user-access-cache.service';
import { PlatformUserNotFoundException } from './platform-user-not-found.exception';
import { type PlatformUserView, toPlatformUserView } from './platform-user-view';
import { PlatformUsersRepository } from './platform-users.repository';

/**
 * Platform operators (super-admins): created by another super-admin with an initial password under the
 * policy (or by the bootstrap command), listed, deactivated and reactivated. The platform always keeps one
 * active super-admin: deactivating the last is refused, also when two operators deactivate each other at once.
 * A deactivated operator's sessions end and their access tokens stop working on every instance from the next
 * request (PlatformUserAccessCache).
 */
@Injectable()
export class PlatformUsersService {
  constructor(
    private readonly platformUsers: PlatformUsersRepository,
    private readonly access: PlatformUserAccessCache,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly transactions: TransactionService,
    private readonly tenantContext: TenantContextService,
    private readonly audit: AuditService,
  ) {}

  async create(email: string, password: string, ip: string | null = null): Promise<PlatformUser> {
    const normalizedEmail = email.trim().toLowerCase();
    assertPasswordAllowed(password, normalizedEmail);
    const passwordHash = await this.hasher.hash(password);
    let user: PlatformUser;
    try {
      user = await this.platformUsers.insert(normalizedEmail, passwordHash);
    } catch (error) {
      throw isDuplicateKeyError(error) ? new EmailAlreadyRegisteredException() : error;
    }
    await this.audit.recordChange(AuditAction.PlatformUserCreated, resourceOf(user), ip);
    return user;
  }

  async get(id: string): Promise<PlatformUserView> {
    return toPlatformUserView(await this.existing(id));
  }

  async list(limit: number, startingAfter?: string): Promise<ListEnvelope<PlatformUserView>> {
    const users = await this.platformUsers.list(limit, startingAfter);
    return listEnvelope(users.slice(0, limit).map(toPlatformUserView), users.length > limit);
  }

  /** Deactivating an inactive operator changes nothing; deactivating oneself is refused (another must do it). */
  async deactivate(id: string, ip: string | null = null): Promise<PlatformUserView> {
    const principal = this.tenantContext.current()?.principal;
    if (principal?.kind === 'platform-user' && principal.userId === id) throw new OwnAccountChangeException();
    const now = new Date();
    const user = await this.transactions.withSession((session) =>
      this.transactions.runIn(session, async () => {
        const result = await this.platformUsers.deactivateCountingOthers(id, now, session);
        // Throwing aborts the transaction: the operator stays active.
        if (result !== null && result.othersActive === 0) throw new LastSuperAdminException();
        return result?.user ?? null;
      }),
    );
    if (user === null) return toPlatformUserView(await this.existing(id));
    await this.access.invalidate(id);
    // Ended too, so that a later reactivation does not bring the old sessions back to life.
    await this.sessions.revokeAllOf('platform-user', id, SessionEndReason.UserDeactivated, ip);
    await this.audit.recordChange(AuditAction.PlatformUserDeactivated, resourceOf(user), ip);
    return toPlatformUserView(user);
  }

  /** They sign in again with their password; their old sessions stay ended. */
  async reactivate(id: string, ip: string | null = null): Promise<PlatformUserView> {
    const user = await this.platformUsers.activate(id);
    if (user === null) return toPlatformUserView(await this.existing(id));
    await this.access.invalidate(id);
    await this.audit.recordChange(AuditAction.PlatformUserReactivated, resourceOf(user), ip);
    return toPlatformUserView(user);
  }

  private async existing(id: string): Promise<PlatformUser> {
    const user = await this.platformUsers.findById(id);
    if (user === null) throw new PlatformUserNotFoundException();
    return user;
  }
}

function resourceOf(user: PlatformUser): AuditResource {
  return { type: 'platform_user', id: user._id.toHexString() };
}
