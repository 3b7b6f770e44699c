import type { Types } from 'mongoose';
import type { NewSession, Session } from './session';
import type { SessionEndReason } from './session-end-reason.enum';

/**
 * Where one kind of user's sessions are kept: tenant users' in the tenant-owned `user_sessions` (always
 * within the current tenant), platform users' in `platform_user_sessions`. SessionsService works with
 * either through this.
 */
export interface SessionStore {
  newId(): Types.ObjectId;
  insert(session: NewSession): Promise<Session>;
  findById(id: string): Promise<Session | null>;
  /**
   * Replaces the refresh token if `currentHash` is still the current one and the session has not ended;
   * null otherwise (of two concurrent refreshes with one token, exactly one wins).
   */
  rotate(
    id: string,
    currentHash: string,
    nextHash: string,
    now: Date,
    idleExpiresAt: Date,
  ): Promise<Session | null>;
  /** Ends the session if it has not ended yet; null when it had (or does not exist). */
  revoke(id: string, reason: SessionEndReason, now: Date): Promise<Session | null>;
  /** The user's sessions that have not ended, newest first. */
  listLive(userId: string, now: Date, limit: number): Promise<Session[]>;
  /** Ends the given sessions of the user (those not ended yet). */
  revokeMany(userId: string, ids: readonly string[], reason: SessionEndReason, now: Date): Promise<void>;
}
