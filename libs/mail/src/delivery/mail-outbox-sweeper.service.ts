import { Injectable } from '@nestjs/common';
import { eachRowInItsTenant, TenantContextService, TenantLookupService } from '@tenantpay/tenancy';
import { MAIL_SWEEP_GRACE_MS } from '../mail.constant';
import { MailOutboxPlatformRepository } from '../outbox/mail-outbox-platform.repository';
import { MailOutboxService } from '../outbox/mail-outbox.service';

const SWEEP_REASON = 'enqueue email left pending in the outbox';

/**
 * The worker's repeatable sweep: every row of every tenant still pending after the grace period is put on the
 * delivery queue again (its job was never enqueued, or Redis lost it). A row whose job still exists is not
 * enqueued twice: the job id is derived from the row. Returns how many rows were handed to the queue.
 */
@Injectable()
export class MailOutboxSweeper {
  constructor(
    private readonly platformOutbox: MailOutboxPlatformRepository,
    private readonly outbox: MailOutboxService,
    private readonly tenantContext: TenantContextService,
    private readonly tenants: TenantLookupService,
  ) {}

  sweep(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - MAIL_SWEEP_GRACE_MS);
    return eachRowInItsTenant(
      { tenantContext: this.tenantContext, tenants: this.tenants },
      SWEEP_REASON,
      (afterId, pageSize) => this.platformOutbox.pendingBefore(cutoff, afterId, pageSize),
      async (entry) => {
        await this.outbox.dispatch(entry);
        return true;
      },
    );
  }
}
