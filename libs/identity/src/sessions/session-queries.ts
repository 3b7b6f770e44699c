import { trusted, Types } from 'mongoose';
import { SESSION_ROTATED_HASHES_KEPT } from './session.constant';
import type { SessionEndReason } from './session-end-reason.enum';

/** Sessions that have not ended at `now` (optionally only those ids), as a filter both stores share. */
export function liveSessionFilter(now: Date, ids?: readonly string[]): Record<string, unknown> {
  return {
    revokedAt: null,
    expiresAt: trusted({ $gt: now }),
    idleExpiresAt: trusted({ $gt: now }),
    ...(ids === undefined ? {} : { _id: trusted({ $in: ids.map((id) => new Types.ObjectId(id)) }) }),
  };
}

/** Makes `nextHash` the current refresh token and remembers `currentHash` as rotated away. */
export function rotateUpdate(currentHash: string, nextHash: string, now: Date, idleExpiresAt: Date) {
  return {
    $set: { refreshTokenHash: nextHash, lastRefreshedAt: now, idleExpiresAt },
    $push: { rotatedRefreshTokenHashes: { $each: [currentHash], $slice: -SESSION_ROTATED_HASHES_KEPT } },
  };
}

export function revokeUpdate(reason: SessionEndReason, now: Date) {
  return { $set: { revokedAt: now, revokedReason: reason } };
}
