import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { DataIsolationService, PlatformRepository } from '@tenantpay/data-isolation';
import { type Model, trusted, type Types } from 'mongoose';
import type { MailOutboxEntry } from './mail-outbox-entry';
import { MAIL_OUTBOX_ENTRY_MODEL } from './mail-outbox-entry.schema';
import { MailStatus } from './mail-status.enum';

/** Pending mail across tenants, for the worker's sweep; inside `runAsPlatform`, audited. */
@Injectable()
export class MailOutboxPlatformRepository extends PlatformRepository<MailOutboxEntry> {
  constructor(
    @InjectModel(MAIL_OUTBOX_ENTRY_MODEL) model: Model<MailOutboxEntry>,
    isolation: DataIsolationService,
  ) {
    super(model, isolation);
  }

  /** Oldest first, after `afterId`, created before `cutoff`. */
  pendingBefore(cutoff: Date, afterId: Types.ObjectId | null, limit: number): Promise<MailOutboxEntry[]> {
    return this.find(
      {
        status: MailStatus.Pending,
        createdAt: trusted({ $lt: cutoff }),
        ...(afterId === null ? {} : { _id: trusted({ $gt: afterId }) }),
      },
      { sort: { _id: 1 }, limit },
    );
  }
}
