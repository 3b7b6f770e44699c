import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type ClientSession, isValidObjectId, type Model, Types } from 'mongoose';
import type { PlatformUser } from './platform-user';
import { SUPER_ADMIN_ROLE } from '@tenantpay/tenancy';
import { PLATFORM_USER_MODEL } from './platform-user.schema';

/** Platform users; a platform collection, so no tenant filter applies. */
@Injectable()
export class PlatformUsersRepository {
  constructor(@InjectModel(PLATFORM_USER_MODEL) private readonly model: Model<PlatformUser>) {}

  /**
   * `options.session`: the transaction the new operator belongs to (an accepted invitation); `options.id`: an id
   * chosen before, so that the same transaction can name the operator elsewhere.
   */
  async insert(
    email: string,
    passwordHash: string,
    options: { readonly session?: ClientSession; readonly id?: Types.ObjectId } = {},
  ): Promise<PlatformUser> {
    const [created] = await this.model.create(
      [
        {
          _id: options.id ?? new Types.ObjectId(),
          email,
          passwordHash,
          role: SUPER_ADMIN_ROLE,
          isActive: true,
        },
      ],
      { session: options.session },
    );
    if (created === undefined) throw new Error('The platform user was not created');
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

  /** Oldest first, by id; `limit + 1` read so the caller knows whether more follow. */
  list(limit: number, startingAfter?: string): Promise<PlatformUser[]> {
    const after = startingAfter === undefined ? {} : { _id: { $gt: new Types.ObjectId(startingAfter) } };
    return this.model
      .find(after)
      .sort({ _id: 1 })
      .limit(limit + 1)
      .lean<PlatformUser[]>()
      .exec();
  }

  /** Reactivates the operator if inactive; null when they were active already (or do not exist). */
  async activate(id: string): Promise<PlatformUser | null> {
    if (!isValidObjectId(id)) return null;
    return this.model
      .findOneAndUpdate(
        { _id: new Types.ObjectId(id), isActive: false },
        { $set: { isActive: true } },
        {
          returnDocument: 'after',
        },
      )
      .lean<PlatformUser>()
      .exec();
  }

  /**
   * In `session`'s transaction: deactivates the operator if active (null otherwise) and answers how many other
   * operators are still active. Every one of those is written too (its `updatedAt`): two concurrent
   * deactivations then write the same documents, so MongoDB commits only one of them (write conflict) and the
   * other, retried, sees the first's result. Without that write both could read the other as active and
   * commit, leaving nobody (write skew under snapshot isolation).
   */
  async deactivateCountingOthers(
    id: string,
    at: Date,
    session: ClientSession,
  ): Promise<{ readonly user: PlatformUser; readonly othersActive: number } | null> {
    if (!isValidObjectId(id)) return null;
    const _id = new Types.ObjectId(id);
    const user = await this.model
      .findOneAndUpdate(
        { _id, isActive: true },
        { $set: { isActive: false } },
        { returnDocument: 'after', session },
      )
      .lean<PlatformUser>()
      .exec();
    if (user === null) return null;
    const others = await this.model
      .updateMany(
        { _id: { $ne: _id }, isActive: true },
        { $set: { updatedAt: at } },
        { session, timestamps: false },
      )
      .exec();
    return { user, othersActive: others.modifiedCount };
  }

  /** `session`: the transaction the change belongs to, if any. */
  async setPasswordHash(id: Types.ObjectId, passwordHash: string, session?: ClientSession): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { passwordHash } }, { session }).exec();
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
