import { Injectable } from '@nestjs/common';
import { TransactionService } from '@tenantpay/data-isolation';
import {
  MailKind,
  type MailOutboxEntry,
  MailOutboxService,
  renderBrandedMail,
  TenantLinkBuilder,
} from '@tenantpay/mail';
import { TenantContextService, toPublicBranding } from '@tenantpay/tenancy';
import { TenantUserRole } from '../users/tenant-user-role.enum';
import { UsersRepository } from '../users/users.repository';
import type { UsageAlert } from './usage-alert';
import { usageAlertMailContent } from './usage-alert-mail';
import { USAGE_ALERT_MAX_RECIPIENTS, USAGE_PAGE_PATH } from './usage-alerts.constant';

/**
 * Emails a usage threshold (80 %, 100 %) to the current tenant's active admins, branded, through the outbox:
 * every admin's row in one transaction, then dispatched. The caller (the usage library's alert) raises each
 * threshold once per period.
 */
@Injectable()
export class UsageAlertMailer {
  constructor(
    private readonly users: UsersRepository,
    private readonly mail: MailOutboxService,
    private readonly links: TenantLinkBuilder,
    private readonly tenantContext: TenantContextService,
    private readonly transactions: TransactionService,
  ) {}

  /** Answers how many admins were written to. */
  async send(alert: UsageAlert): Promise<number> {
    const admins = await this.users.listActiveWithRole(TenantUserRole.Admin, USAGE_ALERT_MAX_RECIPIENTS);
    if (admins.length === 0) return 0;
    const tenant = this.tenantContext.getTenant();
    const branding = toPublicBranding(tenant);
    const rendered = renderBrandedMail(
      branding,
      usageAlertMailContent({
        organisation: branding.displayName,
        alert,
        usageUrl: this.links.build(tenant, USAGE_PAGE_PATH),
      }),
    );
    const entries = await this.transactions.withTransaction(async (): Promise<MailOutboxEntry[]> => {
      const written: MailOutboxEntry[] = [];
      for (const admin of admins)
        written.push(await this.mail.write({ kind: MailKind.UsageAlert, to: admin.email, ...rendered }));
      return written;
    });
    await Promise.all(entries.map((entry) => this.mail.dispatch(entry)));
    return entries.length;
  }
}
