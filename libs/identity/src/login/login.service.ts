import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from '@tenantpay/audit';
import type { RateLimitDecision } from '@tenantpay/rate-limiting';
import { TenantContextService } from '@tenantpay/tenancy';
import type { MfaChallenge } from '../mfa/mfa-challenge';
import { MfaChallengeStore } from '../mfa/mfa-challenge.store';
import type { MfaChallengePurpose } from '../mfa/mfa-challenge';
import type { MfaFactor } from '../mfa/mfa-factor';
import { MfaPolicyService } from '../mfa/mfa-policy.service';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { PlatformUsersRepository } from '../platform-users/platform-users.repository';
import type { IssuedSession } from '../sessions/issued-session';
import { SessionsService } from '../sessions/sessions.service';
import { UsersRepository } from '../users/users.repository';
import { InvalidLoginException } from './invalid-login.exception';
import { normalizeLoginEmail, platformLoginAccountKey, tenantLoginAccountKey } from './login-account-key';
import { LockoutNoticeService } from './lockout-notice.service';
import { LoginAttemptLimiter } from './login-attempt-limiter.service';
import type { LoginCredentials } from './login-credentials';
import { LoginRateLimitedException } from './login-rate-limited.exception';
import { LoginTenantRequiredException } from './login-tenant-required.exception';

/** Why a login failed: for the audit trail only, never for the caller. */
type LoginFailureReason = 'unknown_email' | 'wrong_password' | 'inactive_user' | 'tenant_suspended';

interface LoginAttempt {
  readonly accountKey: string;
  readonly tenantId: string | null;
  readonly email: string;
  readonly ip: string;
}

/**
 * Password login for tenant users (tenant from the request's context) and platform users. Every failure
 * looks the same to the caller and costs the same time (the password is verified, against a dummy hash
 * when the account does not exist, before anything else is decided); each is audited with its real reason
 * and counts against the account until its next successful login (see LoginAttemptLimiter).
 */
@Injectable()
export class LoginService {
  constructor(
    private readonly users: UsersRepository,
    private readonly platformUsers: PlatformUsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly tenantContext: TenantContextService,
    private readonly audit: AuditService,
    private readonly limiter: LoginAttemptLimiter,
    private readonly challenges: MfaChallengeStore,
    private readonly mfaPolicy: MfaPolicyService,
    private readonly lockoutNotices: LockoutNoticeService,
  ) {}

  /**
   * Opens a session (a short access token and the session's first refresh token), or, when the account has
   * a second factor, answers a challenge for `MfaLoginService.complete` instead.
   */
  async loginTenantUser(
    credentials: LoginCredentials,
    ip: string,
    userAgent: string | null = null,
  ): Promise<IssuedSession | MfaChallenge> {
    const tenant = this.tenantContext.current()?.tenant ?? null;
    if (tenant === null) throw new LoginTenantRequiredException();
    const email = normalizeLoginEmail(credentials.email);
    const attempt: LoginAttempt = {
      accountKey: tenantLoginAccountKey(tenant.id, email),
      tenantId: tenant.id,
      email,
      ip,
    };
    const admitted = await this.admit(attempt);

    const user = await this.users.findByEmail(email);
    const passwordMatches = await this.hasher.verify(user?.passwordHash ?? null, credentials.password);
    const failure = failureReason(user, passwordMatches, tenant.isActive);
    // `user === null` implies a failure; stated again only so TypeScript narrows `user`.
    if (failure !== null || user === null) {
      // This failure used the account's last attempt: the account is locked from now on.
      if (failure === 'wrong_password' && user !== null && admitted.remaining === 0)
        this.lockoutNotices.notifyInBackground(user, ip);
      return this.fail(attempt, failure ?? 'unknown_email', user?._id.toHexString());
    }

    if (hasActiveFactor(user.mfa) || (await this.mfaPolicy.isMfaRequired()))
      return this.challenge(attempt, {
        purpose: hasActiveFactor(user.mfa) ? 'verify' : 'enrol',
        kind: 'user',
        userId: user._id.toHexString(),
        tenantId: tenant.id,
      });
    const now = new Date();
    await Promise.all([this.limiter.reset(attempt.accountKey), this.users.recordLogin(user._id, now)]);
    await this.succeed(attempt, 'user', user._id.toHexString());
    return this.sessions.open(
      { kind: 'user', userId: user._id.toHexString(), tenantId: tenant.id, role: user.role },
      { ip, userAgent },
    );
  }

  async loginPlatformUser(
    credentials: LoginCredentials,
    ip: string,
    userAgent: string | null = null,
  ): Promise<IssuedSession | MfaChallenge> {
    const email = normalizeLoginEmail(credentials.email);
    const attempt: LoginAttempt = { accountKey: platformLoginAccountKey(email), tenantId: null, email, ip };
    const admitted = await this.admit(attempt);

    const user = await this.platformUsers.findByEmail(email);
    const passwordMatches = await this.hasher.verify(user?.passwordHash ?? null, credentials.password);
    const failure = failureReason(user, passwordMatches, true);
    if (failure !== null || user === null) {
      if (failure === 'wrong_password' && user !== null && admitted.remaining === 0)
        this.lockoutNotices.notifyPlatformUserInBackground(user, ip);
      return this.fail(attempt, failure ?? 'unknown_email', user?._id.toHexString());
    }

    if (hasActiveFactor(user.mfa))
      return this.challenge(attempt, {
        purpose: 'verify',
        kind: 'platform-user',
        userId: user._id.toHexString(),
        tenantId: null,
      });
    await Promise.all([
      this.limiter.reset(attempt.accountKey),
      this.platformUsers.recordLogin(user._id, new Date()),
    ]);
    await this.succeed(attempt, 'platform-user', user._id.toHexString());
    return this.sessions.open(
      { kind: 'platform-user', userId: user._id.toHexString(), role: user.role },
      { ip, userAgent },
    );
  }

  /**
   * The password was right but a code is still owed. The account's failed-attempt counter is deliberately
   * not reset here: it is reset only when the code is accepted, so repeating the password step cannot buy
   * more guesses at the code.
   */
  private async challenge(
    attempt: LoginAttempt,
    subject: {
      purpose: MfaChallengePurpose;
      kind: 'user' | 'platform-user';
      userId: string;
      tenantId: string | null;
    },
  ): Promise<MfaChallenge> {
    const issued = await this.challenges.issue({
      ...subject,
      accountKey: attempt.accountKey,
      email: attempt.email,
    });
    await this.audit.record({
      action: AuditAction.AuthMfaChallengeIssued,
      outcome: 'success',
      tenantId: attempt.tenantId,
      actor: { type: subject.kind, id: subject.userId },
      ip: attempt.ip,
      metadata: { purpose: subject.purpose },
    });
    return issued;
  }

  /** The account's decision when admitted (its `remaining` attempts). */
  private async admit(attempt: LoginAttempt): Promise<RateLimitDecision> {
    const decision = await this.limiter.consume(attempt.accountKey, attempt.ip);
    if (decision.allowed) return decision;
    await this.audit.record({
      action: AuditAction.AuthLoginRateLimited,
      outcome: 'denied',
      tenantId: attempt.tenantId,
      actor: { type: 'anonymous' },
      ip: attempt.ip,
      metadata: { email: attempt.email },
    });
    throw new LoginRateLimitedException(decision.retryAfterSeconds);
  }

  private async fail(attempt: LoginAttempt, reason: LoginFailureReason, userId?: string): Promise<never> {
    await this.audit.record({
      action: AuditAction.AuthLoginFailed,
      outcome: 'failure',
      tenantId: attempt.tenantId,
      actor: { type: 'anonymous' },
      ...(userId === undefined
        ? {}
        : { resource: { type: attempt.tenantId === null ? 'platform_user' : 'user', id: userId } }),
      ip: attempt.ip,
      metadata: { email: attempt.email, reason },
    });
    throw new InvalidLoginException();
  }

  private succeed(attempt: LoginAttempt, actorType: 'user' | 'platform-user', userId: string): Promise<void> {
    return this.audit.record({
      action: AuditAction.AuthLoginSucceeded,
      outcome: 'success',
      tenantId: attempt.tenantId,
      actor: { type: actorType, id: userId },
      ip: attempt.ip,
    });
  }
}

/** Checked in this order only after the password was verified, so every path costs one verification. */
function failureReason(
  user: { readonly isActive: boolean } | null,
  passwordMatches: boolean,
  tenantActive: boolean,
): LoginFailureReason | null {
  if (user === null) return 'unknown_email';
  if (!passwordMatches) return 'wrong_password';
  if (!user.isActive) return 'inactive_user';
  if (!tenantActive) return 'tenant_suspended';
  return null;
}

function hasActiveFactor(factor: MfaFactor | null | undefined): boolean {
  return factor !== null && factor !== undefined && factor.secret !== null;
}
