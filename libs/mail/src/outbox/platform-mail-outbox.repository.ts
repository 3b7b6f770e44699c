import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type ClientSession, isValidObjectId, type Model, Types } from 'mongoose';
import type { MailOutboxStore } from './mail-outbox-store';
import { MailStatus } from './mail-status.enum';
import type { NewMail } from './new-mail';
import type { PlatformMailOutboxEntry } from './platform-mail-outbox-entry';
import { PLATFORM_MAIL_OUTBOX_ENTRY_MODEL } from './platform-mail-outbox-entry.schema';

/**
 * The platform's mail outbox; a platform collection, so no tenant filter applies. Writes take the session of
 * the transaction of the change they tell about (platform collections have no ambient tenant transaction).
 */
@Injectable()
export class PlatformMailOutboxRepository implements MailOutboxStore {
  constructor(
    @InjectModel(PLATFORM_MAIL_OUTBOX_ENTRY_MODEL) private readonly model: Model<PlatformMailOutboxEntry>,
  ) {}

  async insert(mail: NewMail, session: ClientSession | null): Promise<PlatformMailOutboxEntry> {
    const row = { ...mail, status: MailStatus.Pending, attempts: 0, lastError: null, sentAt: null };
    const [created] = await this.model.create([row], { session });
    if (created === undefined) throw new Error('The platform outbox row was not created');
    return created.toObject<PlatformMailOutboxEntry>();
  }

  findById(id: string): Promise<PlatformMailOutboxEntry | null> {
    if (!isValidObjectId(id)) return Promise.resolve(null);
    return this.model
      .findOne({ _id: new Types.ObjectId(id) })
      .lean<PlatformMailOutboxEntry>()
      .exec();
  }

  async markSent(id: Types.ObjectId): Promise<void> {
    await this.model
      .updateOne(
        { _id: id, status: MailStatus.Pending },
        { $set: { status: MailStatus.Sent, sentAt: new Date(), lastError: null }, $inc: { attempts: 1 } },
      )
      .exec();
  }

  async recordFailure(id: Types.ObjectId, message: string, final: boolean): Promise<void> {
    await this.model
      .updateOne(
        { _id: id, status: MailStatus.Pending },
        {
          $set: { lastError: message.slice(0, 500), ...(final ? { status: MailStatus.Failed } : {}) },
          $inc: { attempts: 1 },
        },
      )
      .exec();
  }

  /** Oldest first, after `afterId`, created before `cutoff` (the sweep). */
  pendingBefore(
    cutoff: Date,
    afterId: Types.ObjectId | null,
    limit: number,
  ): Promise<PlatformMailOutboxEntry[]> {
    return this.model
      .find({
        status: MailStatus.Pending,
        createdAt: { $lt: cutoff },
        ...(afterId === null ? {} : { _id: { $gt: afterId } }),
      })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<PlatformMailOutboxEntry[]>()
      .exec();
  }
}
