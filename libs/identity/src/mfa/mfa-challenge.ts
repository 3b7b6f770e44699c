import type { SessionUserKind } from '../sessions/sessions.service';

/** What the password step hands back instead of a session when the account has a second factor. */
export interface MfaChallenge {
  readonly mfaRequired: true;
  /**
   * The tenant requires MFA and the user has none: the challenge can only enrol a factor
   * (`login/mfa/enrol`, then `login/mfa` with a code of it), nothing else, before any session exists.
   */
  readonly mfaEnrolmentRequired: boolean;
  readonly challengeToken: string;
  readonly expiresAt: Date;
}

/** What the challenge token names, kept in Redis under the token's hash. */
export type MfaChallengePurpose = 'verify' | 'enrol';

export interface MfaChallengeSubject {
  readonly purpose: MfaChallengePurpose;
  readonly kind: SessionUserKind;
  readonly userId: string;
  readonly tenantId: string | null;
  /** The login account key, so failed codes count against the same limiter as failed passwords. */
  readonly accountKey: string;
  readonly email: string;
}
