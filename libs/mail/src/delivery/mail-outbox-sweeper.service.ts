import { Injectable } from '@nestjs/common';
import { eachRowInItsTenant, TenantContextService, TenantLookupService } from '@tenantpay/tenancy';
import type { Types } from 'mongoose';
import { MAIL_SWEEP_GRACE_MS, MAIL_SWEEP_PAGE_SIZE } from '../mail.constant';
import { MailOutboxPlatformRepository } from '../outbox/mail-outbox-platform.repository';
import { MailOutboxService } from '../outbox/mail-outbox.service';
import { PlatformMailOutboxRepository } from '../outbox/platform-mail-outbox.repository';

const SWEEP_REASON = 'enqueue email left pending in the outbox';

/**
 * The worker's repeatable sweep: every row still pending after the grace period, of every tenant's outbox and
 * of the platform's, is put on the delivery queue again (its job was never enqueued, or Redis lost it). A row
 * whose job still exists is not enqueued twice: the job id is derived from the row. Returns how many rows were
 * handed to the queue.
 */
@Injectable()
export class MailOutboxSweeper {
  constructor(
    private readonly platformOutbox: MailOutboxPlatformRepository,
    private readonly platformOwnedOutbox: PlatformMailOutboxRepository,
    private readonly outbox: MailOutboxService,
    private readonly tenantContext: TenantContextService,
    private readonly tenants: TenantLookupService,
  ) {}

  async sweep(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - MAIL_SWEEP_GRACE_MS);
    const tenantRows = await eachRowInItsTenant(
      { tenantContext: this.tenantContext, tenants: this.tenants },
      SWEEP_REASON,
      (afterId, pageSize) => this.platformOutbox.pendingBefore(cutoff, afterId, pageSize),
      async (entry) => {
        await this.outbox.dispatch(entry);
        return true;
      },
    );
    return tenantRows + (await this.sweepPlatformOwned(cutoff));
  }

  private async sweepPlatformOwned(cutoff: Date): Promise<number> {
    let swept = 0;
    let afterId: Types.ObjectId | null = null;
    for (;;) {
      const page = await this.platformOwnedOutbox.pendingBefore(cutoff, afterId, MAIL_SWEEP_PAGE_SIZE);
      for (const entry of page) await this.outbox.dispatchForPlatform(entry);
      swept += page.length;
      const last = page.at(-1);
      if (last === undefined || page.length < MAIL_SWEEP_PAGE_SIZE) return swept;
      afterId = last._id;
    }
  }
}
