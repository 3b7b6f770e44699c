import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@tenantpay/audit';
import { TransactionService } from '@tenantpay/data-isolation';
import {
  MailKind,
  MailOutboxService,
  type NewMail,
  renderBrandedMail,
  TenantLinkBuilder,
} from '@tenantpay/mail';
import { assertTenantWritable, TenantContextService, toPublicBranding } from '@tenantpay/tenancy';
import { tenantLoginAccountKey } from '../login/login-account-key';
import { LoginAttemptLimiter } from '../login/login-attempt-limiter.service';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { SessionsService } from '../sessions/sessions.service';
import { UsersRepository } from '../users/users.repository';
import { PASSWORD_RESET_PATH } from './password-reset.constant';
import { PasswordResetFlow } from './password-reset-flow';
import { passwordResetMailContent } from './password-reset-mail';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';

/**
 * Password reset by email for the current tenant's users (PasswordResetFlow), on the tenant's host, in the
 * tenant's branding. An archived tenant (read-only) refuses, for every email alike.
 */
@Injectable()
export class PasswordResetService {
  private readonly flow: PasswordResetFlow;

  constructor(
    resets: PasswordResetTokensRepository,
    users: UsersRepository,
    hasher: PasswordHasher,
    limiter: LoginAttemptLimiter,
    mail: MailOutboxService,
    links: TenantLinkBuilder,
    tenantContext: TenantContextService,
    transactions: TransactionService,
    sessions: SessionsService,
    audit: AuditService,
  ) {
    const logger = new Logger(PasswordResetService.name);
    this.flow = new PasswordResetFlow(
      { hasher, limiter, transactions, sessions, audit, logger },
      {
        resourceType: 'user',
        sessionKind: 'user',
        run: (work) => {
          assertTenantWritable(tenantContext.getTenant());
          return work();
        },
        findAccountByEmail: (email) => users.findByEmail(email),
        findAccountById: (id) => users.findById(id),
        // Tenant-owned writes join the flow's transaction through the ambient session.
        setPasswordHash: (id, passwordHash) => users.setPasswordHash(id, passwordHash),
        loginAccountKey: (email) => tenantLoginAccountKey(tenantContext.getTenantId(), email),
        tokens: resets,
        resetMail: (to, token): NewMail => {
          const tenant = tenantContext.getTenant();
          const branding = toPublicBranding(tenant);
          const rendered = renderBrandedMail(
            branding,
            passwordResetMailContent({
              organisation: branding.displayName,
              resetUrl: links.build(tenant, PASSWORD_RESET_PATH, { token }),
            }),
          );
          return { kind: MailKind.PasswordReset, to, ...rendered };
        },
        writeMail: async (message) => {
          const entry = await mail.write(message);
          return () => mail.dispatch(entry);
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
