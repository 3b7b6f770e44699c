import { Injectable } from '@nestjs/common';
import { PlatformUsersRepository } from '../platform-users/platform-users.repository';
import type { MfaAccount, MfaFactorStore } from './mfa-factor-store';

/** Platform users' factors (a platform collection: no tenant filter). */
@Injectable()
export class PlatformUserMfaStore implements MfaFactorStore {
  constructor(private readonly platformUsers: PlatformUsersRepository) {}

  async find(userId: string): Promise<MfaAccount | null> {
    const user = await this.platformUsers.findById(userId);
    return user === null
      ? null
      : {
          email: user.email,
          passwordHash: user.passwordHash,
          role: user.role,
          isActive: user.isActive,
          mfa: user.mfa ?? null,
        };
  }

  update(
    userId: string,
    condition: Record<string, unknown>,
    update: Record<string, unknown>,
  ): Promise<boolean> {
    return this.platformUsers.updateWhere(userId, condition, update);
  }
}
