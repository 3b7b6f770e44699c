import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from '@tenantpay/audit';
import { PlatformUsersRepository } from '../platform-users/platform-users.repository';
import { UsersRepository } from '../users/users.repository';
import { InvalidCurrentPasswordException } from './invalid-current-password.exception';
import { PasswordHasher } from './password-hasher.service';
import { assertPasswordAllowed } from './password-policy';

/** Signed-in users change their own password; the current one is required, the new one meets the policy. */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly users: UsersRepository,
    private readonly platformUsers: PlatformUsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  /** A tenant user of the current tenant (the id comes from the verified principal). */
  async changeForTenantUser(userId: string, current: string, next: string, ip: string | null): Promise<void> {
    const user = await this.users.findById(userId);
    if (user === null) throw new InvalidCurrentPasswordException();
    // The policy first: it is cheap, reveals nothing about the current password, and spares a hash verification.
    assertPasswordAllowed(next, user.email);
    await this.checkCurrent(user.passwordHash, current);
    await this.users.setPasswordHash(user._id, await this.hasher.hash(next));
    await this.audit.recordChange(AuditAction.PasswordChanged, { type: 'user', id: userId }, ip);
  }

  async changeForPlatformUser(
    userId: string,
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
  }

  private async checkCurrent(hash: string, current: string): Promise<void> {
    if (!(await this.hasher.verify(hash, current))) throw new InvalidCurrentPasswordException();
  }
}
