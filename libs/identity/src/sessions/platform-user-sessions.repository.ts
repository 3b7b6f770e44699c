import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isValidObjectId, type Model, Types } from 'mongoose';
import { PLATFORM_USER_SESSION_MODEL, type PlatformUserSession } from './platform-user-session.schema';
import type { NewSession } from './session';
import type { SessionEndReason } from './session-end-reason.enum';
import type { SessionStore } from './session-store';
import { liveSessionFilter, revokeUpdate, rotateUpdate } from './session-queries';

/** Platform users' sessions; a platform collection, so no tenant filter applies. */
@Injectable()
export class PlatformUserSessionsRepository implements SessionStore {
  constructor(@InjectModel(PLATFORM_USER_SESSION_MODEL) private readonly model: Model<PlatformUserSession>) {}

  newId(): Types.ObjectId {
    return new Types.ObjectId();
  }

  async insert(session: NewSession): Promise<PlatformUserSession> {
    return (await this.model.create({ ...session })).toObject<PlatformUserSession>();
  }

  findById(id: string): Promise<PlatformUserSession | null> {
    if (!isValidObjectId(id)) return Promise.resolve(null);
    return this.model
      .findOne({ _id: new Types.ObjectId(id) })
      .lean<PlatformUserSession>()
      .exec();
  }

  rotate(id: string, currentHash: string, nextHash: string, now: Date, idleExpiresAt: Date) {
    return this.model
      .findOneAndUpdate(
        { _id: new Types.ObjectId(id), refreshTokenHash: currentHash, ...liveSessionFilter(now) },
        rotateUpdate(currentHash, nextHash, now, idleExpiresAt),
        { returnDocument: 'after' },
      )
      .lean<PlatformUserSession>()
      .exec();
  }

  revoke(id: string, reason: SessionEndReason, now: Date): Promise<PlatformUserSession | null> {
    if (!isValidObjectId(id)) return Promise.resolve(null);
    return this.model
      .findOneAndUpdate({ _id: new Types.ObjectId(id), revokedAt: null }, revokeUpdate(reason, now), {
        returnDocument: 'after',
      })
      .lean<PlatformUserSession>()
      .exec();
  }

  listLive(userId: string, now: Date, limit: number): Promise<PlatformUserSession[]> {
    if (!isValidObjectId(userId)) return Promise.resolve([]);
    return this.model
      .find({ userId: new Types.ObjectId(userId), ...liveSessionFilter(now) })
      .sort({ _id: -1 })
      .limit(limit)
      .lean<PlatformUserSession[]>()
      .exec();
  }

  async revokeMany(
    userId: string,
    ids: readonly string[],
    reason: SessionEndReason,
    now: Date,
  ): Promise<void> {
    if (ids.length === 0) return;
    await this.model
      .updateMany(
        { userId: new Types.ObjectId(userId), ...liveSessionFilter(now, ids) },
        revokeUpdate(reason, now),
      )
      .exec();
  }
}
