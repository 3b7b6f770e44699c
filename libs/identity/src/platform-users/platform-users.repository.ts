import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isValidObjectId, type Model, Types } from 'mongoose';
import type { PlatformUser } from './platform-user';
import { SUPER_ADMIN_ROLE } from '@tenantpay/tenancy';
import { PLATFORM_USER_MODEL } from './platform-user.schema';

/** Platform users; a platform collection, so no tenant filter applies. */
@Injectable()
export class PlatformUsersRepository {
  constructor(@InjectModel(PLATFORM_USER_MODEL) private readonly model: Model<PlatformUser>) {}

  async insert(email: string, passwordHash: string): Promise<PlatformUser> {
    const created = await this.model.create({ email, passwordHash, role: SUPER_ADMIN_ROLE, isActive: true });
    return created.toObject<PlatformUser>();
  }

  findByEmail(email: string): Promise<PlatformUser | null> {
    return this.model.findOne({ email: email.toLowerCase() }).lean<PlatformUser>().exec();
  }

  async findById(id: string): Promise<PlatformUser | null> {
    if (!isValidObjectId(id)) return null;
    return this.model
      .findOne({ _id: new Types.ObjectId(id) })
      .lean<PlatformUser>()
      .exec();
  }

  async setPasswordHash(id: Types.ObjectId, passwordHash: string): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { passwordHash } }).exec();
  }

  async recordLogin(id: Types.ObjectId, at: Date): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { lastLoginAt: at } }).exec();
  }

  /** Applies the update only if the condition still holds; true when it did. */
  async updateWhere(
    id: string,
    condition: Record<string, unknown>,
    update: Record<string, unknown>,
  ): Promise<boolean> {
    if (!isValidObjectId(id)) return false;
    const result = await this.model.updateOne({ _id: new Types.ObjectId(id), ...condition }, update).exec();
    return result.matchedCount === 1;
  }
}
