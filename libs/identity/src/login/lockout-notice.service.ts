import { Injectable, Logger } from '@nestjs/common';
import { AuditAction, AuditService } from '@tenantpay/audit';
import { MailKind, MailOutboxService, renderBrandedMail, TenantLinkBuilder } from '@tenantpay/mail';
import { TenantContextService, toPublicBranding } from '@tenantpay/tenancy';
import { PASSWORD_RESET_PATH } from '../password-reset/password-reset.constant';
import type { TenantUser } from '../users/tenant-user';
import { LOGIN_ACCOUNT_ATTEMPT_LIMIT, LOGIN_ACCOUNT_WINDOW_SECONDS } from './login-attempt-limits.constant';
import { lockoutNoticeMailContent } from './lockout-notice-mail';

/**
 * Tells a tenant user, by email to their own address, that failed logins just locked their account (anyone
 * who knows an email can lock it; the owner should know, and know how to get back in). Sent once per lock:
 * by the failure that used the window's last attempt, which only one failure can do.
 */
@Injectable()
export class LockoutNoticeService {
  private readonly logger = new Logger(LockoutNoticeService.name);

  constructor(
    private readonly mail: MailOutboxService,
    private readonly links: TenantLinkBuilder,
    private readonly tenantContext: TenantContextService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Not awaited by the login: the failed login answers at once, so its timing does not tell whether the email
   * belongs to an account. Never throws.
   */
  notifyInBackground(user: TenantUser, ip: string): void {
    void this.notify(user, ip).catch((error: unknown) =>
      this.logger.error({ err: error }, 'Lockout notice not written'),
    );
  }

  private async notify(user: TenantUser, ip: string): Promise<void> {
    const tenant = this.tenantContext.getTenant();
    const branding = toPublicBranding(tenant);
    const rendered = renderBrandedMail(
      branding,
      lockoutNoticeMailContent({
        organisation: branding.displayName,
        failedAttempts: LOGIN_ACCOUNT_ATTEMPT_LIMIT,
        lockMinutes: Math.ceil(LOGIN_ACCOUNT_WINDOW_SECONDS / 60),
        resetUrl: this.links.build(tenant, PASSWORD_RESET_PATH),
      }),
    );
    const entry = await this.mail.write({ kind: MailKind.LockoutNotice, to: user.email, ...rendered });
    await this.mail.dispatch(entry);
    const userId = user._id.toHexString();
    await this.audit.record({
      action: AuditAction.UserLocked,
      outcome: 'success',
      actor: { type: 'anonymous' },
      resource: { type: 'user', id: userId },
      ip,
      metadata: { failedAttempts: LOGIN_ACCOUNT_ATTEMPT_LIMIT },
    });
  }
}
