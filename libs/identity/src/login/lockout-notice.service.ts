import { Injectable, Logger } from '@nestjs/common';
import { AuditAction, AuditService } from '@tenantpay/audit';
import {
  MailKind,
  MailOutboxService,
  PLATFORM_MAIL_BRANDING,
  renderBrandedMail,
  TenantLinkBuilder,
} from '@tenantpay/mail';
import { type PublicBranding, TenantContextService, toPublicBranding } from '@tenantpay/tenancy';
import { PASSWORD_RESET_PATH, PLATFORM_PASSWORD_RESET_PATH } from '../password-reset/password-reset.constant';
import type { PlatformUser } from '../platform-users/platform-user';
import type { TenantUser } from '../users/tenant-user';
import { LOGIN_ACCOUNT_ATTEMPT_LIMIT, LOGIN_ACCOUNT_WINDOW_SECONDS } from './login-attempt-limits.constant';
import { lockoutNoticeMailContent } from './lockout-notice-mail';

/** Written in the platform scope: a platform operator may fail to sign in on any host. */
const PLATFORM_NOTICE_REASON = 'platform operator lockout notice';

/**
 * Tells a user, by email to their own address, that failed logins just locked their account (anyone who knows
 * an email can lock it; the owner should know, and know how to get back in): a tenant user in their tenant's
 * branding (outbox of the tenant), a platform operator in the platform's (outbox of the platform). Sent once
 * per lock: by the failure that used the window's last attempt, which only one failure can do.
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
    this.inBackground(this.notifyTenantUser(user, ip));
  }

  /** The same for a platform operator. */
  notifyPlatformUserInBackground(user: PlatformUser, ip: string): void {
    this.inBackground(
      this.tenantContext.runAsPlatform(PLATFORM_NOTICE_REASON, () => this.notifyPlatformUser(user, ip)),
    );
  }

  private inBackground(work: Promise<void>): void {
    void work.catch((error: unknown) => this.logger.error({ err: error }, 'Lockout notice not written'));
  }

  private async notifyTenantUser(user: TenantUser, ip: string): Promise<void> {
    const tenant = this.tenantContext.getTenant();
    const branding = toPublicBranding(tenant);
    const mail = this.noticeMail(
      branding,
      `an administrator of ${branding.displayName}`,
      this.links.build(tenant, PASSWORD_RESET_PATH),
      user.email,
    );
    await this.mail.dispatch(await this.mail.write(mail));
    await this.recordLocked('user', user._id.toHexString(), ip);
  }

  private async notifyPlatformUser(user: PlatformUser, ip: string): Promise<void> {
    const mail = this.noticeMail(
      PLATFORM_MAIL_BRANDING,
      null,
      this.links.buildForPlatform(PLATFORM_PASSWORD_RESET_PATH),
      user.email,
    );
    await this.mail.dispatchForPlatform(await this.mail.writeForPlatform(mail, null));
    await this.recordLocked('platform_user', user._id.toHexString(), ip);
  }

  private noticeMail(branding: PublicBranding, unlockedBy: string | null, resetUrl: string, to: string) {
    const rendered = renderBrandedMail(
      branding,
      lockoutNoticeMailContent({
        organisation: branding.displayName,
        failedAttempts: LOGIN_ACCOUNT_ATTEMPT_LIMIT,
        lockMinutes: Math.ceil(LOGIN_ACCOUNT_WINDOW_SECONDS / 60),
        unlockedBy,
        resetUrl,
      }),
    );
    return { kind: MailKind.LockoutNotice, to, ...rendered };
  }

  private recordLocked(resourceType: string, userId: string, ip: string): Promise<void> {
    return this.audit.record({
      action: AuditAction.UserLocked,
      outcome: 'success',
      actor: { type: 'anonymous' },
      resource: { type: resourceType, id: userId },
      ip,
      metadata: { failedAttempts: LOGIN_ACCOUNT_ATTEMPT_LIMIT },
    });
  }
}
