import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, TenantAwareRepository } from '@tenantpay/data-isolation';
import { isValidObjectId, type Model, Types } from 'mongoose';
import { PURGE_AFTER_TTL_INDEX } from '../retention/ended-credential-retention';
import type { NewSession } from './session';
import type { SessionEndReason } from './session-end-reason.enum';
import type { SessionStore } from './session-store';
import { liveSessionFilter, revokeUpdate, rotateUpdate } from './session-queries';
import { USER_SESSION_MODEL, type UserSession } from './user-session.schema';

/** The current tenant's users' sessions. */
@Injectable()
export class UserSessionsRepository
  extends TenantAwareRepository<UserSession>
  implements SessionStore, OnModuleInit
{
  private readonly logger = new Logger(UserSessionsRepository.name);

  constructor(@InjectModel(USER_SESSION_MODEL) model: Model<UserSession>, isolation: DataIsolationService) {
    super(model, isolation);
  }

  async onModuleInit(): Promise<void> {
    // See PURGE_AFTER_TTL_INDEX for why this index is created here rather than declared on the schema.
    await this.createIndexOutsideSchema(PURGE_AFTER_TTL_INDEX).catch((error: unknown) =>
      this.logger.warn({ err: error }, 'Could not create the user sessions TTL index'),
    );
  }

  insert(session: NewSession): Promise<UserSession> {
    return this.create({
      ...session,
      rotatedRefreshTokenHashes: [],
      revokedAt: null,
      revokedReason: null,
      lastRefreshedAt: null,
    });
  }

  override async findById(id: string): Promise<UserSession | null> {
    if (!isValidObjectId(id)) return null;
    return super.findById(new Types.ObjectId(id));
  }

  rotate(id: string, currentHash: string, nextHash: string, now: Date, idleExpiresAt: Date) {
    return this.findOneAndUpdate(
      { _id: new Types.ObjectId(id), refreshTokenHash: currentHash, ...liveSessionFilter(now) },
      rotateUpdate(currentHash, nextHash, now, idleExpiresAt),
    );
  }

  revoke(id: string, reason: SessionEndReason, now: Date): Promise<UserSession | null> {
    if (!isValidObjectId(id)) return Promise.resolve(null);
    return this.findOneAndUpdate({ _id: new Types.ObjectId(id), revokedAt: null }, revokeUpdate(reason, now));
  }

  listLive(userId: string, now: Date, limit: number): Promise<UserSession[]> {
    if (!isValidObjectId(userId)) return Promise.resolve([]);
    return this.find(
      { userId: new Types.ObjectId(userId), ...liveSessionFilter(now) },
      { sort: { _id: -1 }, limit },
    );
  }

  async revokeMany(
    userId: string,
    ids: readonly string[],
    reason: SessionEndReason,
    now: Date,
  ): Promise<void> {
    if (ids.length === 0) return;
    await this.updateMany(
      { userId: new Types.ObjectId(userId), ...liveSessionFilter(now, ids) },
      revokeUpdate(reason, now),
    );
  }
}
