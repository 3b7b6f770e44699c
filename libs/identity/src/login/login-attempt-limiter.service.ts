import { Injectable } from '@nestjs/common';
import { type RateLimitDecision, RateLimiterService } from '@tenantpay/rate-limiting';
import { createHash } from 'node:crypto';
import { LOGIN_RATE_LIMIT_BUCKET, LOGIN_RATE_LIMIT_SUBJECTS } from '../identity.constant';
import { LOGIN_ATTEMPT_POLICIES } from './login-attempt-limits.constant';

/**
 * Limits login attempts per client IP and per account (SPEC §5) with the platform's rate limiter, so Redis
 * failures follow its fail mode (`open`: a per-process limiter, `closed`: refuse) like every other limit.
 *
 * Every attempt counts against the account before its password is checked, and a successful login forgets
 * the account's attempts: what accumulates is the failures since the last success, so a user is never locked
 * out by their own logins, while a locked account is refused even for the right password (no oracle).
 */
@Injectable()
export class LoginAttemptLimiter {
  constructor(private readonly limiter: RateLimiterService) {}

  async consume(accountKey: string, ip: string): Promise<RateLimitDecision> {
    const fromIp = await this.limiter.consume({
      subject: LOGIN_RATE_LIMIT_SUBJECTS.ip(ip),
      bucket: LOGIN_RATE_LIMIT_BUCKET,
      policy: LOGIN_ATTEMPT_POLICIES.perIp,
    });
    if (!fromIp.allowed) return fromIp;
    return this.limiter.consume({
      subject: accountSubject(accountKey),
      bucket: LOGIN_RATE_LIMIT_BUCKET,
      policy: LOGIN_ATTEMPT_POLICIES.perAccount,
    });
  }

  /**
   * Until when the account is locked (five failures in the window), or null: read without counting an attempt,
   * for the administrators who can unlock it. Only the account's own limit locks it; the per-IP one limits a
   * client, not the account.
   */
  async lockedUntil(accountKey: string): Promise<Date | null> {
    const until = await this.limiter.refusedUntil(
      accountSubject(accountKey),
      LOGIN_RATE_LIMIT_BUCKET,
      LOGIN_ATTEMPT_POLICIES.perAccount,
    );
    return until === null ? null : new Date(until);
  }

  /** After a successful login. */
  reset(accountKey: string): Promise<void> {
    return this.limiter.reset(accountSubject(accountKey), LOGIN_RATE_LIMIT_BUCKET);
  }
}

/** Account keys hold emails: only their hash goes to Redis. */
function accountSubject(accountKey: string): string {
  return LOGIN_RATE_LIMIT_SUBJECTS.account(createHash('sha256').update(accountKey).digest('hex'));
}
