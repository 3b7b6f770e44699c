import { Injectable, Logger } from '@nestjs/common';
import { AuditAction, AuditService } from '@tenantpay/audit';
import { TransactionService } from '@tenantpay/data-isolation';
import {
  MailKind,
  type MailOutboxEntry,
  MailOutboxService,
  renderBrandedMail,
  TenantLinkBuilder,
} from '@tenantpay/mail';
import { assertTenantWritable, TenantContextService, toPublicBranding } from '@tenantpay/tenancy';
import { LoginAttemptLimiter } from '../login/login-attempt-limiter.service';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { assertPasswordAllowed } from '../passwords/password-policy';
import { SessionEndReason } from '../sessions/session-end-reason.enum';
import { SessionsService } from '../sessions/sessions.service';
import { generateSingleUseToken, hashSingleUseToken } from '../tokens/single-use-token';
import type { TenantUser } from '../users/tenant-user';
import { UsersRepository } from '../users/users.repository';
import {
  PASSWORD_RESET_PATH,
  PASSWORD_RESET_RESEND_INTERVAL_MS,
  PASSWORD_RESET_TTL_MS,
} from './password-reset.constant';
import { passwordResetMailContent } from './password-reset-mail';
import { PasswordResetTokenExpiredException } from './password-reset-token-expired.exception';
import { PasswordResetTokenNotFoundException } from './password-reset-token-not-found.exception';
import { PasswordResetTokenUsedException } from './password-reset-token-used.exception';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';

const RESET_TOKEN_PREFIX = 'pwr_';

/**
 * Password reset by email for the current tenant's users. Asking answers the same, in about the same time,
 * whether or not the email belongs to an active user: the caller's request does one lookup either way, and the
 * write of the token and its email (one transaction) runs after the answer. The token is single-use, lives 30
 * minutes, is stored hashed; a new reset voids the open ones, and completing one voids them all and clears the
 * account's login lockout and ends all of its sessions (whoever knew the old password is signed out).
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    private readonly resets: PasswordResetTokensRepository,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginAttemptLimiter,
    private readonly mail: MailOutboxService,
    private readonly links: TenantLinkBuilder,
    private readonly tenantContext: TenantContextService,
    private readonly transactions: TransactionService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Never says whether the email is known; the email (if any) is sent in the background. An archived tenant
   * (read-only) refuses, for every email alike.
   */
  async request(email: string, ip: string | null = null): Promise<void> {
    assertTenantWritable(this.tenantContext.getTenant());
    const normalized = email.trim().toLowerCase();
    const user = await this.users.findByEmail(normalized);
    const work =
      user === null || !user.isActive
        ? this.audit.record({
            action: AuditAction.PasswordResetRequested,
            outcome: 'failure',
            actor: { type: 'anonymous' },
            ip,
            metadata: { email: normalized, reason: user === null ? 'unknown_email' : 'inactive_user' },
          })
        : this.issue(user, ip);
    // Not awaited: the answer must not wait for (and so reveal) the write that only a real account causes.
    void work.catch((error: unknown) => this.logger.error({ err: error }, 'Password reset not issued'));
  }

  async confirm(token: string, password: string, ip: string | null = null): Promise<void> {
    assertTenantWritable(this.tenantContext.getTenant());
    const reset = await this.resets.findByTokenHash(hashSingleUseToken(token));
    if (reset === null)
      return this.refuse('unknown_token', null, ip, new PasswordResetTokenNotFoundException());
    if (reset.usedAt !== null)
      return this.refuse('used', reset.userId, ip, new PasswordResetTokenUsedException());
    if (reset.expiresAt.getTime() <= Date.now())
      return this.refuse('expired', reset.userId, ip, new PasswordResetTokenExpiredException());
    const user = await this.users.findById(reset.userId);
    if (user === null || !user.isActive)
      return this.refuse('inactive_user', reset.userId, ip, new PasswordResetTokenNotFoundException());
    assertPasswordAllowed(password, user.email);
    const passwordHash = await this.hasher.hash(password);
    const now = new Date();
    const done = await this.transactions.withTransaction(async () => {
      if (!(await this.resets.use(reset._id, now))) return false;
      await this.users.setPasswordHash(user._id, passwordHash);
      await this.resets.voidOpen(reset.userId, now);
      return true;
    });
    if (!done) return this.refuse('used', reset.userId, ip, new PasswordResetTokenUsedException());
    await this.limiter.reset(`tenant:${this.tenantContext.getTenantId()}:${user.email}`);
    await this.audit.record({
      action: AuditAction.PasswordResetCompleted,
      outcome: 'success',
      actor: { type: 'user', id: user._id.toHexString() },
      resource: { type: 'user', id: user._id.toHexString() },
      ip,
    });
    await this.sessions.revokeAllOf('user', user._id.toHexString(), SessionEndReason.PasswordReset, ip);
  }

  private async issue(user: TenantUser, ip: string | null): Promise<void> {
    const userId = user._id.toHexString();
    const now = new Date();
    if (await this.resets.issuedSince(userId, new Date(now.getTime() - PASSWORD_RESET_RESEND_INTERVAL_MS)))
      return;
    const { token, hash } = generateSingleUseToken(RESET_TOKEN_PREFIX);
    const entry = await this.transactions.withTransaction(async (): Promise<MailOutboxEntry> => {
      await this.resets.voidOpen(userId, now);
      await this.resets.insert(userId, hash, new Date(now.getTime() + PASSWORD_RESET_TTL_MS));
      return this.mail.write(this.resetMail(user.email, token));
    });
    await this.mail.dispatch(entry);
    await this.audit.record({
      action: AuditAction.PasswordResetRequested,
      outcome: 'success',
      actor: { type: 'anonymous' },
      resource: { type: 'user', id: userId },
      ip,
    });
  }

  private resetMail(to: string, token: string) {
    const tenant = this.tenantContext.getTenant();
    const branding = toPublicBranding(tenant);
    const rendered = renderBrandedMail(
      branding,
      passwordResetMailContent({
        organisation: branding.displayName,
        resetUrl: this.links.build(tenant, PASSWORD_RESET_PATH, { token }),
      }),
    );
    return { kind: MailKind.PasswordReset, to, ...rendered };
  }

  private async refuse(
    reason: string,
    userId: string | null,
    ip: string | null,
    error: Error,
  ): Promise<never> {
    await this.audit.record({
      action: AuditAction.PasswordResetFailed,
      outcome: 'failure',
      actor: { type: 'anonymous' },
      ...(userId === null ? {} : { resource: { type: 'user', id: userId } }),
      ip,
      metadata: { reason },
    });
    throw error;
  }
}
