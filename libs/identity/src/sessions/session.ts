import type { Types } from 'mongoose';
import type { SessionEndReason } from './session-end-reason.enum';

/**
 * One sign-in session (a refresh-token family, OAuth 2.0 Security BCP §4.14): created at login, its refresh
 * token replaced on every refresh, ended by logout, by a revocation, by reuse of a token it already rotated
 * away, or by time. Access tokens name it in their `sid` claim and stop working when it ends.
 */
export interface Session {
  readonly _id: Types.ObjectId;
  readonly userId: Types.ObjectId;
  /** SHA-256 of the secret of the one refresh token that may be used now. */
  readonly refreshTokenHash: string;
  /** SHA-256 of the secrets this session already rotated away (the latest few): presenting one again is reuse. */
  readonly rotatedRefreshTokenHashes: readonly string[];
  /** The session ends if not refreshed before this; each refresh moves it. */
  readonly idleExpiresAt: Date;
  /** The session ends at this time however often it is refreshed. */
  readonly expiresAt: Date;
  /** When MongoDB's TTL monitor deletes it: the retention period after `expiresAt` (see SessionsService.open). */
  readonly purgeAfter: Date | null;
  readonly revokedAt: Date | null;
  readonly revokedReason: SessionEndReason | null;
  readonly lastRefreshedAt: Date | null;
  /** Where the session was opened from, for its owner to recognise it in the list. */
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly createdAt: Date;
}

/** What a store needs to open a session. */
export interface NewSession {
  /** From the store's `newId()`: the refresh token names the session, so the id is needed before the insert. */
  readonly _id: Types.ObjectId;
  readonly userId: Types.ObjectId;
  readonly refreshTokenHash: string;
  readonly idleExpiresAt: Date;
  readonly expiresAt: Date;
  readonly purgeAfter: Date;
  readonly ip: string | null;
  readonly userAgent: string | null;
}
