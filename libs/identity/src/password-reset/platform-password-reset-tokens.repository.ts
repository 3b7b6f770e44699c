import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model, Types } from 'mongoose';
import type { PasswordResetTokenStore } from './password-reset-audience';
import type { PlatformPasswordResetToken } from './platform-password-reset-token';
import { PLATFORM_PASSWORD_RESET_MODEL } from './platform-password-reset-token.schema';

/** Platform operators' password resets; a platform collection, so no tenant filter applies. */
@Injectable()
export class PlatformPasswordResetTokensRepository implements PasswordResetTokenStore {
  constructor(
    @InjectModel(PLATFORM_PASSWORD_RESET_MODEL) private readonly model: Model<PlatformPasswordResetToken>,
  ) {}

  async insert(userId: string, tokenHash: string, expiresAt: Date, session: ClientSession): Promise<void> {
    await this.model.create([{ userId, tokenHash, expiresAt, usedAt: null }], { session });
  }

  findByTokenHash(hash: string): Promise<PlatformPasswordResetToken | null> {
    return this.model.findOne({ tokenHash: hash }).lean<PlatformPasswordResetToken>().exec();
  }

  async issuedSince(userId: string, since: Date): Promise<boolean> {
    return (await this.model.exists({ userId, usedAt: null, createdAt: { $gte: since } }).exec()) !== null;
  }

  async use(id: Types.ObjectId, at: Date, session: ClientSession): Promise<boolean> {
    const result = await this.model
      .updateOne({ _id: id, usedAt: null }, { $set: { usedAt: at } }, { session })
      .exec();
    return result.modifiedCount === 1;
  }

  async voidOpen(userId: string, at: Date, session: ClientSession): Promise<void> {
    await this.model.updateMany({ userId, usedAt: null }, { $set: { usedAt: at } }, { session }).exec();
  }
}
