import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Types } from 'mongoose';
import { REFRESH_TOKEN_PREFIX } from './session.constant';

/**
 * Refresh tokens are `tp_rt_<session id>_<secret>`: opaque to clients, 256 random bits of secret, stored only
 * as SHA-256 (like API keys, a random secret of that size needs no slow hash). The session id says where to
 * look, so no index on the hash is needed and a token of one tenant's session cannot find another's.
 */
const SHAPE = /^tp_rt_([0-9a-f]{24})_([A-Za-z0-9_-]{43})$/;

export interface GeneratedRefreshToken {
  readonly token: string;
  readonly hash: string;
}

export interface ParsedRefreshToken {
  readonly sessionId: string;
  readonly hash: string;
}

export function generateRefreshToken(sessionId: Types.ObjectId): GeneratedRefreshToken {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${REFRESH_TOKEN_PREFIX}${sessionId.toHexString()}_${secret}`, hash: hashSecret(secret) };
}

/** The session and secret hash a token names; null when it is not a token we issue. */
export function parseRefreshToken(token: string): ParsedRefreshToken | null {
  const match = SHAPE.exec(token);
  if (match === null) return null;
  const [, sessionId = '', secret = ''] = match;
  return { sessionId, hash: hashSecret(secret) };
}

/** Compares two hex hashes in constant time (their length is fixed, so it reveals nothing). */
export function sameHash(left: string, right: string): boolean {
  const a = Buffer.from(left, 'hex');
  const b = Buffer.from(right, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
