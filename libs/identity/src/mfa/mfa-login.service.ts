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
import type { MfaEnrolment } from './mfa-enrolment';
import { MfaEnrolmentService } from './mfa-enrolment.service';
import type { MfaAccount } from './mfa-factor-store';
import type { MfaOwner } from './mfa-owner';
import { MfaChallengeStore } from './mfa-challenge.store';
import type { MfaFactorStore } from './mfa-factor-store';
import { MfaFactorVerifier } from './mfa-factor-verifier.service';
import type { MfaProof } from './mfa-proof';
import { PlatformUserMfaStore } from './platform-user-mfa.store';
import { TenantUserMfaStore } from './tenant-user-mfa.store';

/** The session the second step opened, and the recovery codes when that step also enrolled the factor. */
export interface MfaLoginResult {
  readonly session: IssuedSession;
  readonly recoveryCodes?: readonly string[];
}

/**
 * The second login step: the password step's challenge plus a TOTP code or a recovery code opens the session
 * exactly as a password login without MFA does. Every attempt counts against the account's login limiter
 * (the same counter as failed passwords, so five wrong codes lock the account like five wrong passwords);
 * the challenge is spent only by the attempt that opens the session.
 *
 * An enrolment challenge (the tenant requires MFA, the user has none) can do two things only: `startEnrolment`
 * (a secret, shown once) and `complete` with a code of that secret, which activates the factor, opens the
 * session and hands out the recovery codes. Nothing else accepts it, and no session exists before.
 */
@Injectable()
export class MfaLoginService {
  constructor(
    private readonly challenges: MfaChallengeStore,
    private readonly verifier: MfaFactorVerifier,
    private readonly enrolments: MfaEnrolmentService,
    private readonly tenantUserFactors: TenantUserMfaStore,
    private readonly platformUserFactors: PlatformUserMfaStore,
    private readonly users: UsersRepository,
    private readonly platformUsers: PlatformUsersRepository,
    private readonly limiter: LoginAttemptLimiter,
    private readonly sessions: SessionsService,
    private readonly tenantContext: TenantContextService,
    private readonly audit: AuditService,
  ) {}

  async startEnrolment(kind: SessionUserKind, challengeToken: string, ip: string): Promise<MfaEnrolment> {
    const subject = await this.challenges.find(challengeToken);
    if (subject === null || subject.purpose !== 'enrol' || !this.belongsHere(kind, subject))
      throw new InvalidMfaChallengeException();
    const owner = this.ownerOf(subject);
    const account = await owner.store.find(subject.userId);
    if (account === null || !account.isActive) throw new InvalidMfaChallengeException();
    return this.enrolments.start(owner, account, ip);
  }

  async complete(
    kind: SessionUserKind,
    challengeToken: string,
    proof: MfaProof,
    ip: string,
    userAgent: string | null = null,
  ): Promise<MfaLoginResult> {
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

    const owner = this.ownerOf(subject);
    const account = await owner.store.find(subject.userId);
    if (account === null || !account.isActive) throw new InvalidMfaChallengeException();
    if (subject.purpose === 'enrol')
      return this.enrolAndOpen(owner, subject, account, challengeToken, proof, ip, userAgent);
    const accepted = await this.verifier.verifyAndSpend(owner.store, subject.userId, account, proof);
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
    return { session: await this.open(subject, account, accepted, ip, userAgent) };
  }

  /** An enrolment challenge's code activates the pending factor (a wrong code still counted above). */
  private async enrolAndOpen(
    owner: MfaOwner,
    subject: MfaChallengeSubject,
    account: MfaAccount,
    challengeToken: string,
    proof: MfaProof,
    ip: string,
    userAgent: string | null,
  ): Promise<MfaLoginResult> {
    if (proof.code === undefined) throw new InvalidMfaCodeException();
    const { recoveryCodes } = await this.enrolments.activate(owner, account, proof.code, ip);
    if (!(await this.challenges.consume(challengeToken))) throw new InvalidMfaChallengeException();
    return { session: await this.open(subject, account, 'totp', ip, userAgent), recoveryCodes };
  }

  private async open(
    subject: MfaChallengeSubject,
    account: MfaAccount,
    accepted: 'totp' | 'recovery_code',
    ip: string,
    userAgent: string | null,
  ): Promise<IssuedSession> {
    const kind = subject.kind;
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

  private ownerOf(subject: MfaChallengeSubject): MfaOwner {
    const store: MfaFactorStore = subject.kind === 'user' ? this.tenantUserFactors : this.platformUserFactors;
    return { kind: subject.kind, userId: subject.userId, tenantId: subject.tenantId, store };
  }
}
