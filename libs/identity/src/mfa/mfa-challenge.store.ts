import { Inject, Injectable } from '@nestjs/common';
import { REDIS_CLIENT, type RedisClient } from '@tenantpay/platform';
import { createHash, randomBytes } from 'node:crypto';
import type { MfaChallenge, MfaChallengeSubject } from './mfa-challenge';
import { MFA_CHALLENGE_TOKEN_PREFIX, MFA_CHALLENGE_TTL_SECONDS } from './mfa.constant';

/**
 * Login challenges between the password and the code: random 256-bit tokens, kept in Redis only as their
 * SHA-256 (a Redis dump reveals no usable token), expiring after MFA_CHALLENGE_TTL_SECONDS. `consume`
 * deletes the entry, and only the caller whose DEL removed it may open a session: one session per challenge
 * even under concurrent submissions.
 */
@Injectable()
export class MfaChallengeStore {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClient) {}

  async issue(subject: MfaChallengeSubject, now = new Date()): Promise<MfaChallenge> {
    const challengeToken = `${MFA_CHALLENGE_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    await this.redis.set(keyOf(challengeToken), JSON.stringify(subject), 'EX', MFA_CHALLENGE_TTL_SECONDS);
    return {
      mfaRequired: true,
      mfaEnrolmentRequired: subject.purpose === 'enrol',
      challengeToken,
      expiresAt: new Date(now.getTime() + MFA_CHALLENGE_TTL_SECONDS * 1000),
    };
  }

  async find(challengeToken: string): Promise<MfaChallengeSubject | null> {
    if (!challengeToken.startsWith(MFA_CHALLENGE_TOKEN_PREFIX)) return null;
    const stored = await this.redis.get(keyOf(challengeToken));
    return stored === null ? null : (JSON.parse(stored) as MfaChallengeSubject);
  }

  /** True for exactly one caller per challenge. */
  async consume(challengeToken: string): Promise<boolean> {
    return (await this.redis.del(keyOf(challengeToken))) === 1;
  }
}

function keyOf(challengeToken: string): string {
  return `mfa:challenge:${createHash('sha256').update(challengeToken).digest('hex')}`;
}
