import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@tenantpay/audit';
import { TransactionService } from '@tenantpay/data-isolation';
import {
  MailKind,
  MailOutboxService,
  type NewMail,
  PLATFORM_MAIL_BRANDING,
  renderBrandedMail,
  TenantLinkBuilder,
} from '@tenantpay/mail';
import { TenantContextService } from '@tenantpay/tenancy';
import { platformLoginAccountKey } from '../login/login-account-key';
import { LoginAttemptLimiter } from '../login/login-attempt-limiter.service';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { PlatformUsersRepository } from '../platform-users/platform-users.repository';
import { SessionsService } from '../sessions/sessions.service';
import { PLATFORM_PASSWORD_RESET_PATH } from './password-reset.constant';
import { PasswordResetFlow } from './password-reset-flow';
import { passwordResetMailContent } from './password-reset-mail';
import { PlatformPasswordResetTokensRepository } from './platform-password-reset-tokens.repository';

const PLATFORM_RESET_REASON = 'platform operator password reset';

/**
 * Password reset by email for platform operators (PasswordResetFlow): tokens in the platform's own collection,
 * the email in the platform's outbox, the link on the platform host. Runs in the platform scope, so it works
 * from whichever host the operator calls, and a tenant context never touches the platform's collections.
 */
@Injectable()
export class PlatformPasswordResetService {
  private readonly flow: PasswordResetFlow;

  constructor(
    resets: PlatformPasswordResetTokensRepository,
    platformUsers: PlatformUsersRepository,
    hasher: PasswordHasher,
    limiter: LoginAttemptLimiter,
    mail: MailOutboxService,
    links: TenantLinkBuilder,
    tenantContext: TenantContextService,
    transactions: TransactionService,
    sessions: SessionsService,
    audit: AuditService,
  ) {
    const logger = new Logger(PlatformPasswordResetService.name);
    this.flow = new PasswordResetFlow(
      { hasher, limiter, transactions, sessions, audit, logger },
      {
        resourceType: 'platform_user',
        sessionKind: 'platform-user',
        run: (work) => tenantContext.runAsPlatform(PLATFORM_RESET_REASON, work),
        findAccountByEmail: (email) => platformUsers.findByEmail(email),
        findAccountById: (id) => platformUsers.findById(id),
        setPasswordHash: (id, passwordHash, session) =>
          platformUsers.setPasswordHash(id, passwordHash, session),
        loginAccountKey: platformLoginAccountKey,
        tokens: resets,
        resetMail: (to, token): NewMail => ({
          kind: MailKind.PasswordReset,
          to,
          ...renderBrandedMail(
            PLATFORM_MAIL_BRANDING,
            passwordResetMailContent({
              organisation: PLATFORM_MAIL_BRANDING.displayName,
              resetUrl: links.buildForPlatform(PLATFORM_PASSWORD_RESET_PATH, { token }),
            }),
          ),
        }),
        writeMail: async (message, session) => {
          const entry = await mail.writeForPlatform(message, session);
          return () => mail.dispatchForPlatform(entry);
        },
      },
    );
  }

  request(email: string, ip: string | null = null): Promise<void> {
    return this.flow.request(email, ip);
  }

  confirm(token: string, password: string, ip: string | null = null): Promise<void> {
    return this.flow.confirm(token, password, ip);
  }
}
