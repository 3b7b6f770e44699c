import type { Logger } from '@nestjs/common';
import { AuditAction, type AuditService } from '@tenantpay/audit';
import type { TransactionService } from '@tenantpay/data-isolation';
import type { ClientSession } from 'mongoose';
import type { LoginAttemptLimiter } from '../login/login-attempt-limiter.service';
import type { PasswordHasher } from '../passwords/password-hasher.service';
import { assertPasswordAllowed } from '../passwords/password-policy';
import { SessionEndReason } from '../sessions/session-end-reason.enum';
import type { SessionsService } from '../sessions/sessions.service';
import { generateSingleUseToken, hashSingleUseToken } from '../tokens/single-use-token';
import type { PasswordResetAudience, ResettableAccount } from './password-reset-audience';
import { PASSWORD_RESET_RESEND_INTERVAL_MS, PASSWORD_RESET_TTL_MS } from './password-reset.constant';
import { PasswordResetTokenExpiredException } from './password-reset-token-expired.exception';
import { PasswordResetTokenNotFoundException } from './password-reset-token-not-found.exception';
import { PasswordResetTokenUsedException } from './password-reset-token-used.exception';

const RESET_TOKEN_PREFIX = 'pwr_';

/** What the flow shares whatever the audience. */
export interface PasswordResetFlowDependencies {
  readonly hasher: PasswordHasher;
  readonly limiter: LoginAttemptLimiter;
  readonly transactions: TransactionService;
  readonly sessions: SessionsService;
  readonly audit: AuditService;
  readonly logger: Logger;
}

/**
 * Password reset by email, for one audience (PasswordResetAudience: a tenant's users or the platform's
 * operators). Asking answers the same, in about the same time, whether or not the email belongs to an active
 * account: the caller's request does one lookup either way, and the write of the token and its email (one
 * transaction) runs after the answer. The token is single-use, lives 30 minutes, is stored hashed; a new reset
 * voids the open ones, and completing one voids them all and clears the account's login lockout and ends all of
 * its sessions (whoever knew the old password is signed out).
 */
export class PasswordResetFlow {
  constructor(
    private readonly deps: PasswordResetFlowDependencies,
    private readonly audience: PasswordResetAudience,
  ) {}

  /** Never says whether the email is known; the email (if any) is sent in the background. */
  request(email: string, ip: string | null): Promise<void> {
    return this.audience.run(async () => {
      const normalized = email.trim().toLowerCase();
      const account = await this.audience.findAccountByEmail(normalized);
      const work =
        account === null || !account.isActive
          ? this.deps.audit.record({
              action: AuditAction.PasswordResetRequested,
              outcome: 'failure',
              actor: { type: 'anonymous' },
              ip,
              metadata: { email: normalized, reason: account === null ? 'unknown_email' : 'inactive_user' },
            })
          : this.issue(account, ip);
      // Not awaited: the answer must not wait for (and so reveal) the write that only a real account causes.
      void work.catch((error: unknown) =>
        this.deps.logger.error({ err: error }, 'Password reset not issued'),
      );
    });
  }

  confirm(token: string, password: string, ip: string | null): Promise<void> {
    return this.audience.run(async () => {
      const { tokens } = this.audience;
      const reset = await tokens.findByTokenHash(hashSingleUseToken(token));
      if (reset === null)
        return this.refuse('unknown_token', null, ip, new PasswordResetTokenNotFoundException());
      if (reset.usedAt !== null)
        return this.refuse('used', reset.userId, ip, new PasswordResetTokenUsedException());
      if (reset.expiresAt.getTime() <= Date.now())
        return this.refuse('expired', reset.userId, ip, new PasswordResetTokenExpiredException());
      const account = await this.audience.findAccountById(reset.userId);
      if (account === null || !account.isActive)
        return this.refuse('inactive_user', reset.userId, ip, new PasswordResetTokenNotFoundException());
      assertPasswordAllowed(password, account.email);
      const passwordHash = await this.deps.hasher.hash(password);
      const now = new Date();
      const done = await this.inTransaction(async (session) => {
        if (!(await tokens.use(reset._id, now, session))) return false;
        await this.audience.setPasswordHash(account._id, passwordHash, session);
        await tokens.voidOpen(reset.userId, now, session);
        return true;
      });
      if (!done) return this.refuse('used', reset.userId, ip, new PasswordResetTokenUsedException());
      await this.deps.limiter.reset(this.audience.loginAccountKey(account.email));
      const accountId = account._id.toHexString();
      await this.deps.audit.record({
        action: AuditAction.PasswordResetCompleted,
        outcome: 'success',
        actor: { type: this.audience.sessionKind, id: accountId },
        resource: { type: this.audience.resourceType, id: accountId },
        ip,
      });
      await this.deps.sessions.revokeAllOf(
        this.audience.sessionKind,
        accountId,
        SessionEndReason.PasswordReset,
        ip,
      );
    });
  }

  private async issue(account: ResettableAccount, ip: string | null): Promise<void> {
    const { tokens } = this.audience;
    const userId = account._id.toHexString();
    const now = new Date();
    if (await tokens.issuedSince(userId, new Date(now.getTime() - PASSWORD_RESET_RESEND_INTERVAL_MS))) return;
    const { token, hash } = generateSingleUseToken(RESET_TOKEN_PREFIX);
    const dispatch = await this.inTransaction(async (session) => {
      await tokens.voidOpen(userId, now, session);
      await tokens.insert(userId, hash, new Date(now.getTime() + PASSWORD_RESET_TTL_MS), session);
      return this.audience.writeMail(this.audience.resetMail(account.email, token), session);
    });
    await dispatch();
    await this.deps.audit.record({
      action: AuditAction.PasswordResetRequested,
      outcome: 'success',
      actor: { type: 'anonymous' },
      resource: { type: this.audience.resourceType, id: userId },
      ip,
    });
  }

  private inTransaction<R>(work: (session: ClientSession) => Promise<R>): Promise<R> {
    const { transactions } = this.deps;
    return transactions.withSession((session) => transactions.runIn(session, () => work(session)));
  }

  private async refuse(
    reason: string,
    userId: string | null,
    ip: string | null,
    error: Error,
  ): Promise<never> {
    await this.deps.audit.record({
      action: AuditAction.PasswordResetFailed,
      outcome: 'failure',
      actor: { type: 'anonymous' },
      ...(userId === null ? {} : { resource: { type: this.audience.resourceType, id: userId } }),
      ip,
      metadata: { reason },
    });
    throw error;
  }
}
