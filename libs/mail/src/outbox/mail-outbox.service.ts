import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { TenantJobEnqueuer } from '@tenantpay/tenancy';
import type { JobsOptions, Queue } from 'bullmq';
import type { ClientSession } from 'mongoose';
import {
  MAIL_DELIVERY_ATTEMPTS,
  MAIL_DELIVERY_BACKOFF_MS,
  MAIL_DELIVERY_JOB,
  MAIL_DELIVERY_QUEUE,
  mailDeliveryJobId,
} from '../mail.constant';
import type { MailDeliveryJob, PlatformMailDeliveryJobData } from './mail-delivery-job';
import type { MailOutboxEntry } from './mail-outbox-entry';
import { MailOutboxRepository } from './mail-outbox.repository';
import type { NewMail } from './new-mail';
import type { PlatformMailOutboxEntry } from './platform-mail-outbox-entry';
import { PlatformMailOutboxRepository } from './platform-mail-outbox.repository';

/**
 * The one way features send email: `write` inside the transaction of the change (the row commits with it or not
 * at all), then `dispatch` after the commit puts the row on the worker's queue. A dispatch that fails (Redis
 * away, the process dying first) loses nothing: the worker's sweep enqueues every row still pending.
 *
 * A message is the current tenant's (`write`/`dispatch`, tenant-owned outbox) or the platform's, to its own
 * operators (`writeForPlatform`/`dispatchForPlatform`, platform-owned outbox); both go through the same queue,
 * delivery and sweep.
 */
@Injectable()
export class MailOutboxService {
  private readonly logger = new Logger(MailOutboxService.name);

  constructor(
    private readonly outbox: MailOutboxRepository,
    private readonly platformOutbox: PlatformMailOutboxRepository,
    private readonly jobs: TenantJobEnqueuer,
    @InjectQueue(MAIL_DELIVERY_QUEUE) private readonly queue: Queue,
  ) {}

  write(mail: NewMail): Promise<MailOutboxEntry> {
    return this.outbox.insert(mail);
  }

  /** In the row's tenant context. Never throws: a row not enqueued now is enqueued by the sweep. */
  async dispatch(entry: Pick<MailOutboxEntry, '_id'>): Promise<void> {
    const outboxId = entry._id.toHexString();
    const payload: MailDeliveryJob = { outboxId };
    await this.enqueueSafely(outboxId, () =>
      this.jobs.enqueue(this.queue, MAIL_DELIVERY_JOB, payload, jobOptions(outboxId)),
    );
  }

  /** `session`: the transaction of the change the email tells about (null: the row stands alone). */
  writeForPlatform(mail: NewMail, session: ClientSession | null): Promise<PlatformMailOutboxEntry> {
    return this.platformOutbox.insert(mail, session);
  }

  /** Never throws, like `dispatch`. */
  async dispatchForPlatform(entry: Pick<PlatformMailOutboxEntry, '_id'>): Promise<void> {
    const outboxId = entry._id.toHexString();
    const data: PlatformMailDeliveryJobData = { owner: 'platform', payload: { outboxId } };
    await this.enqueueSafely(outboxId, () => this.queue.add(MAIL_DELIVERY_JOB, data, jobOptions(outboxId)));
  }

  private async enqueueSafely(outboxId: string, enqueue: () => Promise<unknown>): Promise<void> {
    try {
      await enqueue();
    } catch (error) {
      this.logger.warn({ err: error, outboxId }, 'Mail not enqueued; the outbox sweep will');
    }
  }
}

function jobOptions(outboxId: string): JobsOptions {
  return {
    // One job per row: enqueueing again (the sweep) while the job exists adds nothing.
    jobId: mailDeliveryJobId(outboxId),
    attempts: MAIL_DELIVERY_ATTEMPTS,
    backoff: { type: 'exponential', delay: MAIL_DELIVERY_BACKOFF_MS },
    removeOnComplete: true,
    removeOnFail: 1000,
  };
}
