import type { SessionUserKind } from '../sessions/sessions.service';

/** What the password step hands back instead of a session when the account has a second factor. */
export interface MfaChallenge {
  readonly mfaRequired: true;
  readonly challengeToken: string;
  readonly expiresAt: Date;
}

/** What the challenge token names, kept in Redis under the token's hash. */
export interface MfaChallengeSubject {
  readonly kind: SessionUserKind;
  readonly userId: string;
  readonly tenantId: string | null;
  /** The login account key, so failed codes count against the same limiter as failed passwords. */
  readonly accountKey: string;
  readonly email: string;
}
