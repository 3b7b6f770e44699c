import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, type NewDocument, TenantAwareRepository } from '@tenantpay/data-isolation';
import type { Model, Types } from 'mongoose';
import type { MailOutboxEntry } from './mail-outbox-entry';
import type { MailOutboxStore } from './mail-outbox-store';
import { MAIL_OUTBOX_ENTRY_MODEL } from './mail-outbox-entry.schema';
import { MailStatus } from './mail-status.enum';
import type { NewMail } from './new-mail';

/** The current tenant's mail outbox. */
@Injectable()
export class MailOutboxRepository extends TenantAwareRepository<MailOutboxEntry> implements MailOutboxStore {
  constructor(
    @InjectModel(MAIL_OUTBOX_ENTRY_MODEL) model: Model<MailOutboxEntry>,
    isolation: DataIsolationService,
  ) {
    super(model, isolation);
  }

  /** Joins the ambient transaction, if any: the row commits (or not) with the change it tells about. */
  insert(mail: NewMail): Promise<MailOutboxEntry> {
    const row: NewDocument<MailOutboxEntry> = {
      ...mail,
      status: MailStatus.Pending,
      attempts: 0,
      lastError: null,
      sentAt: null,
    };
    return this.create(row);
  }

  async markSent(id: Types.ObjectId): Promise<void> {
    await this.updateOne(
      { _id: id, status: MailStatus.Pending },
      { $set: { status: MailStatus.Sent, sentAt: new Date(), lastError: null }, $inc: { attempts: 1 } },
    );
  }

  async recordFailure(id: Types.ObjectId, message: string, final: boolean): Promise<void> {
    await this.updateOne(
      { _id: id, status: MailStatus.Pending },
      {
        $set: { lastError: message.slice(0, 500), ...(final ? { status: MailStatus.Failed } : {}) },
        $inc: { attempts: 1 },
      },
    );
  }
}
