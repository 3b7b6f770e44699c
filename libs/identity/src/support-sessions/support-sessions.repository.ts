import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import { SUPPORT_SESSION_MODEL } from './support-session.constant';
import type { SupportSession } from './support-session';

const OBJECT_ID = /^[0-9a-f]{24}$/;

/**
 * The platform's `support_sessions` collection. Every query names its tenant explicitly (the collection is
 * platform-owned, so the isolation layer does not add it): a tenant's admin can only ever see or end sessions
 * into that tenant. The API declares it keyed by tenant, so inside a tenant's context the command wall also
 * refuses any command on it that does not name that tenant, whichever code sends it.
 */
@Injectable()
export class SupportSessionsRepository {
  constructor(@InjectModel(SUPPORT_SESSION_MODEL) private readonly model: Model<SupportSession>) {}

  async create(session: Omit<SupportSession, '_id' | 'endedAt' | 'endedBy'>): Promise<SupportSession> {
    const created = await this.model.create({ ...session, endedAt: null, endedBy: null });
    return created.toObject<SupportSession>();
  }

  findInTenant(id: string, tenantId: string): Promise<SupportSession | null> {
    if (!OBJECT_ID.test(id) || !OBJECT_ID.test(tenantId)) return Promise.resolve(null);
    return this.model
      .findOne({ _id: new Types.ObjectId(id), tenantId: new Types.ObjectId(tenantId) })
      .lean<SupportSession>()
      .exec();
  }

  listActive(tenantId: string, now: Date): Promise<SupportSession[]> {
    return this.model
      .find({ tenantId: new Types.ObjectId(tenantId), endedAt: null, expiresAt: { $gt: now } })
      .sort({ expiresAt: -1 })
      .limit(100)
      .lean<SupportSession[]>()
      .exec();
  }

  /** Ends an active session of the tenant; null when there is none with this id (or it already ended). */
  end(id: string, tenantId: string, endedBy: string, now: Date): Promise<SupportSession | null> {
    if (!OBJECT_ID.test(id)) return Promise.resolve(null);
    return this.model
      .findOneAndUpdate(
        {
          _id: new Types.ObjectId(id),
          tenantId: new Types.ObjectId(tenantId),
          endedAt: null,
          expiresAt: { $gt: now },
        },
        { $set: { endedAt: now, endedBy } },
        { returnDocument: 'after' },
      )
      .lean<SupportSession>()
      .exec();
  }
}
