import { Injectable } from '@nestjs/common';
import { isValidObjectId, Types } from 'mongoose';
import { UsersRepository } from '../users/users.repository';
import type { MfaAccount, MfaFactorStore } from './mfa-factor-store';

/** Tenant users' factors, through the tenant-aware repository (the current tenant's users only). */
@Injectable()
export class TenantUserMfaStore implements MfaFactorStore {
  constructor(private readonly users: UsersRepository) {}

  async find(userId: string): Promise<MfaAccount | null> {
    if (!isValidObjectId(userId)) return null;
    const user = await this.users.findById(userId);
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

  async update(
    userId: string,
    condition: Record<string, unknown>,
    update: Record<string, unknown>,
  ): Promise<boolean> {
    if (!isValidObjectId(userId)) return false;
    const result = await this.users.updateOne({ _id: new Types.ObjectId(userId), ...condition }, update);
    return result.matchedCount === 1;
  }
}
