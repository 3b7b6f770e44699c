import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from '@tenantpay/audit';
import { SUPER_ADMIN_ROLE, TenantContextService } from '@tenantpay/tenancy';
import { Types } from 'mongoose';
import { LoginAttemptLimiter } from '../login/login-attempt-limiter.service';
import { LoginRateLimitedException } from '../login/login-rate-limited.exception';
import { PlatformUsersRepository } from '../platform-users/platform-users.repository';
import type { IssuedSession } from '../sessions/issued-session';
import { type SessionUserKind, SessionsService } from '../sessions/sessions.service';
import type { TenantUserRole } from '../users/tenant-user-role.enum';
import { UsersRepository } from '../users/users.repository';
import { InvalidMfaChallengeException } from './invalid-mfa-challenge.exception';
import { InvalidMfaCodeException } from './invalid-mfa-code.exception';
import type { MfaChallengeSubject } from './mfa-challenge';
import { MfaChallengeStore } from './mfa-challenge.store';
import type { MfaFactorStore } from './mfa-factor-store';
import { MfaFactorVerifier } from './mfa-factor-verifier.service';
import type { MfaProof } from './mfa-proof';
import { PlatformUserMfaStore } from './platform-user-mfa.store';
import { TenantUserMfaStore } from './tenant-user-mfa.store';

/**
 * The second login step: the password step's challenge plus a TOTP code or a recovery code opens the session
 * exactly as a password login without MFA does. Every attempt counts against the account's login limiter
 * (the same counter as failed passwords, so five wrong codes lock the account like five wrong passwords);
 * the challenge is spent only by the attempt that opens the session.
 */
@Injectable()
export class MfaLoginService {
  constructor(
    private readonly challenges: MfaChallengeStore,
    private readonly verifier: MfaFactorVerifier,
    private readonly tenantUserFactors: TenantUserMfaStore,
    private readonly platformUserFactors: PlatformUserMfaStore,
    private readonly users: UsersRepository,
    private readonly platformUsers: PlatformUsersRepository,
    private readonly limiter: LoginAttemptLimiter,
    private readonly sessions: SessionsService,
    private readonly tenantContext: TenantContextService,
    private readonly audit: AuditService,
  ) {}

  async complete(
    kind: SessionUserKind,
    challengeToken: string,
    proof: MfaProof,
    ip: string,
    userAgent: string | null = null,
  ): Promise<IssuedSession> {
    const subject = await this.challenges.find(challengeToken);
    if (subject === null || !this.belongsHere(kind, subject)) throw new InvalidMfaChallengeException();

    const decision = await this.limiter.consume(subject.accountKey, ip);
    if (!decision.allowed) {
      await this.audit.record({
        action: AuditAction.AuthLoginRateLimited,
        outcome: 'denied',
        tenantId: subject.tenantId,
        actor: { type: 'anonymous' },
        ip,
        metadata: { email: subject.email, step: 'mfa' },
      });
      throw new LoginRateLimitedException(decision.retryAfterSeconds);
    }

    const store = this.storeOf(kind);
    const account = await store.find(subject.userId);
    if (account === null || !account.isActive) throw new InvalidMfaChallengeException();
    const accepted = await this.verifier.verifyAndSpend(store, subject.userId, account, proof);
    if (accepted === null) {
      await this.audit.record({
        action: AuditAction.MfaCodeFailed,
        outcome: 'failure',
        tenantId: subject.tenantId,
        actor: { type: 'anonymous' },
        resource: { type: kind === 'user' ? 'user' : 'platform_user', id: subject.userId },
        ip,
        metadata: { during: 'login', proof: proof.recoveryCode === undefined ? 'totp' : 'recovery_code' },
      });
      throw new InvalidMfaCodeException();
    }
    if (!(await this.challenges.consume(challengeToken))) throw new InvalidMfaChallengeException();

    const userObjectId = new Types.ObjectId(subject.userId);
    await Promise.all([
      this.limiter.reset(subject.accountKey),
      kind === 'user'
        ? this.users.recordLogin(userObjectId, new Date())
        : this.platformUsers.recordLogin(userObjectId, new Date()),
    ]);
    const actor = { type: kind, id: subject.userId } as const;
    if (accepted === 'recovery_code')
      await this.audit.record({
        action: AuditAction.AuthMfaRecoveryCodeUsed,
        outcome: 'success',
        tenantId: subject.tenantId,
        actor,
        ip,
        metadata: { recoveryCodesLeft: String((account.mfa?.recoveryCodeHashes.length ?? 1) - 1) },
      });
    await this.audit.record({
      action: AuditAction.AuthLoginSucceeded,
      outcome: 'success',
      tenantId: subject.tenantId,
      actor,
      ip,
      metadata: { mfa: accepted },
    });
    return kind === 'user' && subject.tenantId !== null
      ? this.sessions.open(
          {
            kind: 'user',
            userId: subject.userId,
            tenantId: subject.tenantId,
            role: account.role as TenantUserRole,
          },
          { ip, userAgent },
        )
      : this.sessions.open(
          { kind: 'platform-user', userId: subject.userId, role: SUPER_ADMIN_ROLE },
          { ip, userAgent },
        );
  }

  /** A tenant user's challenge is answered on the same tenant only; a platform one on the platform route. */
  private belongsHere(kind: SessionUserKind, subject: MfaChallengeSubject): boolean {
    if (subject.kind !== kind) return false;
    if (kind === 'platform-user') return subject.tenantId === null;
    return (
      subject.tenantId !== null && subject.tenantId === (this.tenantContext.current()?.tenant?.id ?? null)
    );
  }

  private storeOf(kind: SessionUserKind): MfaFactorStore {
    return kind === 'user' ? this.tenantUserFactors : this.platformUserFactors;
  }
}
