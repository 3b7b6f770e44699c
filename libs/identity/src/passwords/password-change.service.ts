import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from '@tenantpay/audit';
import { PlatformUsersRepository } from '../platform-users/platform-users.repository';
import { SessionEndReason } from '../sessions/session-end-reason.enum';
import { SessionsService } from '../sessions/sessions.service';
import { UsersRepository } from '../users/users.repository';
import { InvalidCurrentPasswordException } from './invalid-current-password.exception';
import { PasswordHasher } from './password-hasher.service';
import { assertPasswordAllowed } from './password-policy';

/**
 * Signed-in users change their own password; the current one is required, the new one meets the policy. Their
 * other sessions end (a stolen session must not outlive the password that was changed because of it); the one
 * that changed it stays signed in.
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly users: UsersRepository,
    private readonly platformUsers: PlatformUsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  /** A tenant user of the current tenant (the ids come from the verified principal). */
  async changeForTenantUser(
    userId: string,
    sessionId: string,
    current: string,
    next: string,
    ip: string | null,
  ): Promise<void> {
    const user = await this.users.findById(userId);
    if (user === null) throw new InvalidCurrentPasswordException();
    // The policy first: it is cheap, reveals nothing about the current password, and spares a hash verification.
    assertPasswordAllowed(next, user.email);
    await this.checkCurrent(user.passwordHash, current);
    await this.users.setPasswordHash(user._id, await this.hasher.hash(next));
    await this.audit.recordChange(AuditAction.PasswordChanged, { type: 'user', id: userId }, ip);
    await this.sessions.revokeAllOf('user', userId, SessionEndReason.PasswordChanged, ip, sessionId);
  }

  async changeForPlatformUser(
    userId: string,
    sessionId: string,
    current: string,
    next: string,
    ip: string | null,
  ): Promise<void> {
    const user = await this.platformUsers.findById(userId);
    if (user === null) throw new InvalidCurrentPasswordException();
    assertPasswordAllowed(next, user.email);
    await this.checkCurrent(user.passwordHash, current);
    await this.platformUsers.setPasswordHash(user._id, await this.hasher.hash(next));
    await this.audit.recordChange(AuditAction.PasswordChanged, { type: 'platform_user', id: userId }, ip);
    await this.sessions.revokeAllOf('platform-user', userId, SessionEndReason.PasswordChanged, ip, sessionId);
  }

  private async checkCurrent(hash: string, current: string): Promise<void> {
    if (!(await this.hasher.verify(hash, current))) throw new InvalidCurrentPasswordException();
  }
}
