import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, TenantAwareRepository } from '@tenantpay/data-isolation';
import { type Model, trusted, type Types } from 'mongoose';
import type { PasswordResetToken } from './password-reset-token';
import { PASSWORD_RESET_MODEL } from './password-reset-token.schema';

/** The current tenant's password resets. */
@Injectable()
export class PasswordResetTokensRepository extends TenantAwareRepository<PasswordResetToken> {
  constructor(
    @InjectModel(PASSWORD_RESET_MODEL) model: Model<PasswordResetToken>,
    isolation: DataIsolationService,
  ) {
    super(model, isolation);
  }

  insert(userId: string, tokenHash: string, expiresAt: Date): Promise<PasswordResetToken> {
    return this.create({ userId, tokenHash, expiresAt, usedAt: null });
  }

  findByTokenHash(hash: string): Promise<PasswordResetToken | null> {
    return this.findOne({ tokenHash: hash });
  }

  issuedSince(userId: string, since: Date): Promise<boolean> {
    return this.exists({ userId, usedAt: null, createdAt: trusted({ $gte: since }) });
  }

  /** Marks the token used if it still was not; false when another request used it first. */
  async use(id: Types.ObjectId, at: Date): Promise<boolean> {
    return (await this.updateOne({ _id: id, usedAt: null }, { $set: { usedAt: at } })).modifiedCount === 1;
  }

  /** Voids every open reset of the user (a newer one replaces them; a completed reset ends them all). */
  async voidOpen(userId: string, at: Date): Promise<void> {
    await this.updateMany({ userId, usedAt: null }, { $set: { usedAt: at } });
  }
}
